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
    async script<Row>(sql: string): Promise<Array<QueryResult<Row>>> {
      return scriptResults<Row>(await client.query(sql));
    },
  };
}

/** node-postgres answers a script with one result per statement (an array), or with the result itself for one statement. */
function scriptResults<Row>(result: pg.QueryResult | pg.QueryResult[]): Array<QueryResult<Row>> {
  return (Array.isArray(result) ? result : [result]).map((r) => ({ rows: r.rows as Row[], rowCount: r.rowCount ?? 0 }));
}

interface Subscription {
  stop(): Promise<void>;
}

/** Waits between attempts to listen again after the connection was lost (PostgreSQL restarting). */
const RELISTEN_DELAYS_MS = [100, 250, 500, 1000, 2000];

/**
 * LISTEN on a connection of its own that is re-established (with LISTEN again) whenever it is lost, e.g. when
 * PostgreSQL restarts: otherwise this instance would stop hearing every change notice for good. Notices sent
 * while it was down are lost, so onResumed tells the subscriber to catch up. The first LISTEN fails the caller;
 * later ones are retried until stopped.
 */
async function listenResiliently(pool: pg.Pool, channel: string, onPayload: (payload: string) => void, onResumed: () => void): Promise<Subscription> {
  let stopped = false;
  /** The connection listening now, and how to hand it back to the pool. */
  let current: { client: pg.PoolClient; detach(): void } | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  const handler = (message: pg.Notification) => {
    if (message.channel === channel) onPayload(message.payload ?? '');
  };

  const connect = async (resuming: boolean): Promise<void> => {
    const client = await pool.connect();
    let dropped = false;
    const detach = () => {
      client.off('notification', handler);
      client.off('error', onLost);
      client.off('end', onEnd);
    };
    function onLost(error: Error) {
      if (dropped) return;
      dropped = true;
      detach();
      client.release(error); // destroyed, not reused
      // Lost while listening: listen again. (A failed attempt is retried, or thrown, by whoever called connect.)
      if (current?.client === client) {
        current = null;
        scheduleRetry(0);
      }
    }
    function onEnd() {
      onLost(new Error('LISTEN connection ended'));
    }
    client.on('error', onLost);
    client.on('end', onEnd);
    client.on('notification', handler);
    try {
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      onLost(error instanceof Error ? error : new Error('LISTEN failed'));
      throw error;
    }
    if (dropped) return;
    current = { client, detach };
    if (stopped) await hangUp();
    else if (resuming) onResumed();
  };

  const scheduleRetry = (attempt: number) => {
    if (stopped || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      if (stopped) return;
      connect(true).catch(() => scheduleRetry(attempt + 1));
    }, RELISTEN_DELAYS_MS[Math.min(attempt, RELISTEN_DELAYS_MS.length - 1)]);
    retryTimer.unref();
  };

  /** UNLISTEN and hand the connection back to the pool (destroyed if that failed). */
  const hangUp = async () => {
    const listening = current;
    current = null;
    if (!listening) return;
    listening.detach();
    let failed: Error | undefined;
    await listening.client.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`).catch((error: unknown) => {
      failed = error instanceof Error ? error : new Error('UNLISTEN failed');
    });
    listening.client.release(failed);
  };

  // A failed first attempt is the caller's error, as before; retries start only once it has listened.
  await connect(false);
  return {
    async stop() {
      if (stopped) return;
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      await hangUp();
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
  // Nor may a checked-out one. A connection PostgreSQL ends (shutdown, restart) in the same packet that finishes
  // its start-up gets that error emitted right after the pool hands the client out and before the caller's
  // code runs; without a listener of its own from the start, that killed the process. The holder still learns
  // of it (its next query fails: the client is no longer queryable) and the pool drops such a client on release.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  await pool.query('SELECT 1');
  const base = wrap(pool);
  const subscriptions = new Set<Subscription>();
  return {
    kind: 'postgres',
    query: base.query,
    script: base.script,
    async transaction(fn) {
      const client = await pool.connect();
      let begun = false;
      let committed = false;
      let broken: Error | undefined;
      // BEGIN goes out with the transaction's first statement: in front of a script (one round trip for both), or
      // just before a parameterised query (queued in order on the connection).
      const withBegin = (sql: string) => {
        if (begun) return { sql, skip: 0 };
        begun = true;
        return { sql: `BEGIN;\n${sql}`, skip: 1 };
      };
      const plain = wrap(client);
      try {
        const tx: Queryable = {
          query(sql, params) {
            if (!begun) {
              begun = true;
              void client.query('BEGIN').catch(() => undefined); // its failure fails the query queued behind it
            }
            return plain.query(sql, params);
          },
          async exec(sql) {
            await client.query(withBegin(sql).sql);
          },
          async script<Row>(sql: string) {
            const { sql: text, skip } = withBegin(sql);
            return scriptResults<Row>(await client.query(text)).slice(skip);
          },
          async execAndCommit(sql: string) {
            await client.query(`${withBegin(sql).sql};\nCOMMIT`); // simple protocol: the script and the commit in one round trip
            committed = true;
          },
        };
        const result = await fn(tx);
        if (begun && !committed) await client.query('COMMIT');
        return result;
      } catch (error) {
        if (!begun) throw error;
        await client.query('ROLLBACK').catch((rollbackError: unknown) => {
          // The connection is gone or unusable: the client is destroyed, not handed to the next caller.
          broken = rollbackError instanceof Error ? rollbackError : new Error('ROLLBACK failed');
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
    exec: base.exec,
    async listen(channel, onPayload, onResumed) {
      const subscription = await listenResiliently(pool, channel, onPayload, onResumed ?? (() => undefined));
      subscriptions.add(subscription);
      return async () => {
        subscriptions.delete(subscription);
        await subscription.stop();
      };
    },
    async close() {
      await Promise.all([...subscriptions].map((subscription) => subscription.stop()));
      subscriptions.clear();
      await pool.end();
    },
  };
}
