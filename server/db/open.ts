// Opens the configured database: PostgreSQL when DATABASE_URL is set, else PGlite under DATA_DIR (locked).
import path from 'node:path';
import type { Database } from './database';
import { lockDataDir } from './data-dir-lock';
import { openPglite } from './pglite-driver';
import { openPostgres } from './postgres-driver';
import { migrate } from './migrate';

export interface DatabaseConfig {
  databaseUrl?: string | undefined;
  /** PostgreSQL pool size (default 10). */
  databasePoolSize?: number;
  dataDir: string;
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.databaseUrl) {
    const db = await openPostgres({ connectionString: config.databaseUrl, maxConnections: config.databasePoolSize });
    await migrate(db);
    return db;
  }
  const dataDir = path.resolve(config.dataDir);
  const lock = lockDataDir(dataDir);
  try {
    const db = await openPglite(path.join(dataDir, 'pglite'));
    await migrate(db);
    return {
      ...db,
      async close() {
        try {
          await db.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
