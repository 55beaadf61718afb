// Applies the numbered SQL migrations in server/db/migrations once each, in order, under an advisory
// lock so that several server instances starting together on one PostgreSQL do not race.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Database } from './database';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATION_FILE = /^(\d{4})-([a-z0-9-]+)\.sql$/;
const MIGRATION_LOCK_KEY = 727_001; // arbitrary, constant: pg_advisory_lock key for migrations

export function defaultMigrationsDir(): string {
  // Bundled server: migrations are copied next to the bundle; from source: beside this file.
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, 'migrations'), path.join(here, 'db', 'migrations')];
  for (const dir of candidates) {
    try {
      readdirSync(dir);
      return dir;
    } catch {
      // try the next
    }
  }
  throw new Error(`migrations folder not found near ${here}`);
}

export function loadMigrations(dir = defaultMigrationsDir()): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .map((file) => {
      const match = MIGRATION_FILE.exec(file);
      if (!match) throw new Error(`migration file name must look like 0001-some-name.sql: ${file}`);
      return { version: Number(match[1]), name: match[2]!, sql: readFileSync(path.join(dir, file), 'utf8') };
    })
    .sort((a, b) => a.version - b.version);
  // Numbers are handed out per branch before merging, so a number may be missing; never twice, never 0.
  migrations.forEach((m, i) => {
    if (m.version < 1 || (i > 0 && migrations[i - 1]!.version === m.version)) throw new Error(`migration numbers must be unique and from 1; found ${m.version} twice or out of range`);
  });
  return migrations;
}

/** Applies pending migrations; returns the versions applied now (empty when up to date). */
export async function migrate(db: Database, migrations = loadMigrations()): Promise<number[]> {
  return db.transaction(async (tx) => {
    // Lock first: even CREATE TABLE IF NOT EXISTS races when two instances start together.
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((r) => r.version));
    const applied: number[] = [];
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      applied.push(migration.version);
    }
    return applied;
  });
}
