// PostgreSQL driver (through node-postgres): production, and every server instance sharing one database.
import pg from 'pg';
import type { Database, Queryable, QueryResult } from './database';
import { PG_TYPE, keepText, parseInt8 } from './database';

const customParsers: Record<number, (value: string) => unknown> = {
  [PG_TYPE.int8]: parseInt8,
  [PG_TYPE.date]: keepText,
  [PG_TYPE.numeric]: keepText,
};

const typeOverrides = {
  getTypeParser(oid: number, format?: string) {
    const custom = customParsers[oid];
    if (custom && (format === undefined || format === 'text')) return custom;
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async exec(sql: string) {
      await client.query(sql); // no parameters: the simple protocol runs several statements
    },
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const result = await client.query(sql, params as unknown[]);
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
    },
  };
}

export interface PostgresOptions {
  connectionString: string;
  maxConnections?: number;
}

export async function openPostgres(options: PostgresOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    types: typeOverrides as pg.CustomTypesConfig,
  });
  // An idle client that loses its connection must not crash the server; the pool replaces it.
  pool.on('error', () => undefined);
  await pool.query('SELECT 1');
  const base = wrap(pool);
  const listeners: pg.PoolClient[] = [];
  return {
    kind: 'postgres',
    query: base.query,
    async transaction(fn) {
      const client = await pool.connect();
      let committed = false;
      try {
        await client.query('BEGIN');
        const tx: Queryable = {
          ...wrap(client),
          async execAndCommit(sql: string) {
            await client.query(`${sql};\nCOMMIT`); // simple protocol: the script and the commit in one round trip
            committed = true;
          },
        };
        const result = await fn(tx);
        if (!committed) await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    exec: base.exec,
    async listen(channel, onPayload) {
      const client = await pool.connect();
      listeners.push(client);
      const handler = (message: pg.Notification) => {
        if (message.channel === channel) onPayload(message.payload ?? '');
      };
      client.on('notification', handler);
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      return async () => {
        client.off('notification', handler);
        await client.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`).catch(() => undefined);
        listeners.splice(listeners.indexOf(client), 1);
        client.release();
      };
    },
    async close() {
      for (const client of listeners.splice(0)) client.release();
      await pool.end();
    },
  };
}
