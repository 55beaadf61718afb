// A checksum of every table's rows (from the catalog, so tables added later are covered), to prove a refused
// request changed nothing. The audit log is left out (refusals are audited on purpose), and so are the sign-in
// failure counters on users (a wrong password or unlock code counts toward the lockout on purpose).
import type { Queryable } from '../../../server/db/database';

const SKIPPED_TABLES = new Set(['audit_log', 'schema_migrations']);
const SKIPPED_USER_COLUMNS = ['failed_attempts', 'locked_until', 'totp_last_step'];

export async function tableChecksums(db: Queryable): Promise<Record<string, string>> {
  const { rows: tables } = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`);
  const parts = tables.filter((t) => !SKIPPED_TABLES.has(t.name)).map((t) => {
    const row = t.name === 'users' ? `(to_jsonb(x) ${SKIPPED_USER_COLUMNS.map((c) => `- '${c}'`).join(' ')})::text` : 'to_jsonb(x)::text';
    return `SELECT '${t.name}' AS name, count(*)::text || ':' || md5(coalesce(string_agg(${row}, '|' ORDER BY ${row}), '')) AS sum FROM "${t.name}" x`;
  });
  const { rows } = await db.query<{ name: string; sum: string }>(parts.join(' UNION ALL '));
  return Object.fromEntries(rows.map((r) => [r.name, r.sum]));
}
