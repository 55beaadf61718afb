// Reads users as the API shows them (no secrets), and the sign-in record with its secrets.
import type { Queryable } from '../db/database';
import type { User } from '../../shared/domain/user';
import type { Credential, Role } from '../../shared/domain/roles';
import type { UsState } from '../../shared/domain/states';

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  credential: Credential | null;
  time_zone: string;
  home_city_id: string | null;
  totp_enabled: boolean;
}

const USER_COLUMNS = 'u.id, u.email, u.display_name, u.role, u.credential, u.time_zone, u.home_city_id, u.totp_enabled';

async function withLicenses(db: Queryable, rows: UserRow[]): Promise<User[]> {
  if (rows.length === 0) return [];
  const { rows: licenses } = await db.query<{ user_id: string; state: UsState; license_number: string; expires_on: string }>(
    'SELECT user_id, state, license_number, expires_on FROM staff_licenses WHERE user_id = ANY($1::uuid[]) ORDER BY state',
    [rows.map((r) => r.id)],
  );
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    role: r.role,
    credential: r.credential,
    timeZone: r.time_zone,
    homeCityId: r.home_city_id,
    totpEnabled: r.totp_enabled,
    licenses: licenses
      .filter((l) => l.user_id === r.id)
      .map((l) => ({ state: l.state, licenseNumber: l.license_number, expiresOn: l.expires_on })),
  }));
}

export async function getUser(db: Queryable, id: string): Promise<User | null> {
  const { rows } = await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1`, [id]);
  return (await withLicenses(db, rows))[0] ?? null;
}

export async function listUsers(db: Queryable): Promise<User[]> {
  const { rows } = await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users u ORDER BY u.role, u.display_name`);
  return withLicenses(db, rows);
}

export interface SignInRecord {
  id: string;
  email: string;
  role: Role;
  passwordHash: string;
  totpSecret: string | null;
  totpEnabled: boolean;
  totpLastStep: number | null;
  failedAttempts: number;
  lockedUntil: Date | null;
  disabled: boolean;
}

export async function getSignInRecord(db: Queryable, where: { email: string } | { id: string }, forUpdate = false): Promise<SignInRecord | null> {
  const [column, value] = 'email' in where ? ['email', where.email.toLowerCase()] : ['id', where.id];
  const { rows } = await db.query<{
    id: string; email: string; role: Role; password_hash: string; totp_secret: string | null; totp_enabled: boolean;
    totp_last_step: number | null; failed_attempts: number; locked_until: Date | null; disabled: boolean;
  }>(
    `SELECT id, email, role, password_hash, totp_secret, totp_enabled, totp_last_step, failed_attempts, locked_until, disabled
       FROM users WHERE ${column} = $1 ${forUpdate ? 'FOR UPDATE' : ''}`,
    [value],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id, email: r.email, role: r.role, passwordHash: r.password_hash, totpSecret: r.totp_secret,
    totpEnabled: r.totp_enabled, totpLastStep: r.totp_last_step, failedAttempts: r.failed_attempts,
    lockedUntil: r.locked_until, disabled: r.disabled,
  };
}
