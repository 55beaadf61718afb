// `npm run seed:demo`: seeds the demo clinic into the configured database (DATABASE_URL, else PGlite under
// DATA_DIR, default ./data), refusing with exit code 1 when that database already holds data. Prints counts only.
import { openDatabase } from '../db/open';
import type { Database } from '../db/database';
import { seedDemoIfEmpty } from './seed';

async function main(): Promise<number> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = process.env.DATA_DIR || './data';
  const target = databaseUrl ? 'the PostgreSQL database in DATABASE_URL' : `the PGlite database in ${dataDir}`;
  let db: Database;
  try {
    db = await openDatabase({ databaseUrl, dataDir });
  } catch (error) {
    console.error(`seed:demo: cannot open ${target}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  try {
    const started = Date.now();
    const messages: string[] = [];
    const result = await seedDemoIfEmpty(db, { now: new Date(), log: (m) => messages.push(m) });
    if (result === 'skipped-not-empty') {
      console.error(`seed:demo: refused: ${target} already holds data; the demo clinic is only seeded into an empty database.`);
      return 1;
    }
    for (const message of messages) console.log(message);
    console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s. Sign in with the demo accounts in the README.`);
    return 0;
  } catch (error) {
    console.error(`seed:demo: failed, nothing was written: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await db.close();
  }
}

void main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`seed:demo: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
