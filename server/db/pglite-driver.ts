// Embedded PostgreSQL (PGlite) driver: the zero-setup default for trials and development.
// PGlite runs in this process and does not fsync like a server does; production uses PostgreSQL.
import { PGlite, types } from '@electric-sql/pglite';
import type { Database, Queryable, QueryResult } from './database';
import { PG_TYPE, keepText, parseInt8 } from './database';

const parsers = {
  [PG_TYPE.int8]: parseInt8,
  [PG_TYPE.date]: keepText,
  [PG_TYPE.numeric]: keepText,
};

function wrap(q: { query: PGlite['query']; exec: PGlite['exec'] }): Queryable {
  return {
    async exec(sql: string) {
      await q.exec(sql);
    },
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const result = await q.query<Row>(sql, params as unknown[]);
      return { rows: result.rows, rowCount: result.affectedRows ?? 0 };
    },
    async script<Row>(sql: string): Promise<Array<QueryResult<Row>>> {
      const results = await q.exec(sql);
      return results.map((r) => ({ rows: r.rows as Row[], rowCount: r.affectedRows ?? 0 }));
    },
  };
}

/**
 * PostgreSQL settings for the embedded database. PGlite's WebAssembly memory only grows, so every buffer PostgreSQL
 * touches stays in the server's resident set: the default shared_buffers (128MB) alone cost ~100-150 MB of RSS. The
 * data files are still cached by the operating system, so a smaller buffer pool costs little (see
 * scripts/bench/server-rss.bench.ts for the figures).
 */
export const PGLITE_SETTINGS = ['shared_buffers=16MB', 'temp_buffers=2MB', 'work_mem=4MB', 'maintenance_work_mem=16MB'];

/** Opens (creating if needed) a PGlite database in dataDir, or in memory when dataDir is undefined. */
export async function openPglite(dataDir: string | undefined): Promise<Database> {
  const pg = await PGlite.create(dataDir ? { dataDir, parsers, postgresqlconf: PGLITE_SETTINGS } : { parsers, postgresqlconf: PGLITE_SETTINGS });
  const base = wrap(pg);
  return {
    kind: 'pglite',
    query: base.query,
    exec: base.exec,
    script: base.script,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async listen(channel, onPayload) {
      const unlisten = await pg.listen(channel, onPayload);
      return async () => unlisten();
    },
    async close() {
      if (pg.closed) return;
      await pg.exec('CHECKPOINT');
      await pg.close();
    },
  };
}

export { types as pgliteTypes };
