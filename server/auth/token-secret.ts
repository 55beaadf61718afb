// The token-signing secret: from configuration, else generated once and kept in the database so that
// every server instance on the same database accepts the same tokens.
import type { Database } from '../db/database';
import { newTokenSecret } from './tokens';

export async function ensureTokenSecret(db: Database): Promise<string> {
  await db.query(`INSERT INTO server_settings (key, value) VALUES ('token_secret', $1) ON CONFLICT (key) DO NOTHING`, [newTokenSecret()]);
  const { rows } = await db.query<{ value: string }>(`SELECT value FROM server_settings WHERE key = 'token_secret'`);
  return rows[0]!.value;
}
