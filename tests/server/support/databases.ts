// Test databases on both drivers: a fresh in-memory PGlite, and a fresh database on the test PostgreSQL.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, inject } from 'vitest';
import type { Database } from '../../../server/db/database';
import { openPglite } from '../../../server/db/pglite-driver';
import { openPostgres } from '../../../server/db/postgres-driver';
import { migrate } from '../../../server/db/migrate';

export type DriverName = 'pglite' | 'postgres';

export interface TestDatabase {
  db: Database;
  /** For postgres: the URL of this test's own database (to open a second connection or server on it). */
  url: string | null;
  dispose(): Promise<void>;
}

function withDatabase(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A fresh, empty database on the test PostgreSQL; dropped by dispose(). */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = inject('pgUrl');
  if (!adminUrl) throw new Error('no test PostgreSQL');
  const name = `hc_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    url: withDatabase(adminUrl, name),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function openTestDatabase(driver: DriverName, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const runMigrations = options.migrate ?? true;
  if (driver === 'pglite') {
    const db = await openPglite(undefined);
    if (runMigrations) await migrate(db);
    return { db, url: null, dispose: () => db.close() };
  }
  const created = await createPostgresDatabase();
  const db = await openPostgres({ connectionString: created.url });
  if (runMigrations) await migrate(db);
  return {
    db,
    url: created.url,
    async dispose() {
      await db.close();
      await created.drop();
    },
  };
}

/** Runs a suite once per driver; the PostgreSQL run is skipped (saying why) only when no server is available outside CI. */
export function describeEachDriver(title: string, suite: (driver: DriverName) => void): void {
  const skipReason = inject('pgSkipReason');
  describe(`${title} [pglite]`, () => suite('pglite'));
  const pgTitle = skipReason ? `${title} [postgres] (skipped: ${skipReason})` : `${title} [postgres]`;
  describe.skipIf(Boolean(skipReason))(pgTitle, () => suite('postgres'));
}
