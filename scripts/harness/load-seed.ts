// Seeds a database for the load benchmark and the soak: clinicians (one password hash, so sign-in is real
// argon2id), each on the care team of a few patients. Fixed names and counts; ids are random.
import type { Database } from '../../server/db/database';
import { migrate } from '../../server/db/migrate';
import { hashPassword } from '../../server/auth/passwords';

export const HARNESS_PASSWORD = 'harness-password-long-enough';
export const harnessEmail = (i: number) => `clinician${i}@load.housecall.test`;

export interface HarnessScope {
  users: Array<{ email: string; patientIds: string[] }>;
}

export async function seedHarness(db: Database, clinicians: number, patientsEach: number): Promise<HarnessScope> {
  await migrate(db);
  const hash = await hashPassword(HARNESS_PASSWORD);
  await db.query(
    `INSERT INTO users (id, email, display_name, role, credential, password_hash)
     SELECT gen_random_uuid(), 'clinician' || i || '@load.housecall.test', 'Load Clinician ' || i, 'clinician', 'MD', $1 FROM generate_series(0, $2::int - 1) AS i`,
    [hash, clinicians]);
  await db.query(
    `INSERT INTO patients (id, mrn, given_name, family_name, birth_date, sex, phone, address_line, address_city, address_state, postal_code, location_state)
     SELECT gen_random_uuid(), 'L' || lpad(i::text, 8, '0'), 'Given' || i, 'Family' || i, DATE '1950-01-01' + (i % 20000), 'female',
            '206-555-' || lpad((i % 10000)::text, 4, '0'), i || ' Main St', 'Seattle', 'WA', '98101', 'WA'
       FROM generate_series(0, $1::int - 1) AS i`, [clinicians * patientsEach]);
  await db.query(
    `INSERT INTO care_team (patient_id, user_id, relation)
     SELECT p.id, u.id, 'primary' FROM patients p JOIN users u ON u.email = 'clinician' || (substring(p.mrn from 2)::int / $1::int) || '@load.housecall.test'`, [patientsEach]);
  const { rows } = await db.query<{ email: string; patient_id: string }>(
    `SELECT u.email, c.patient_id FROM users u JOIN care_team c ON c.user_id = u.id WHERE u.email LIKE '%@load.housecall.test' ORDER BY u.email, c.patient_id`);
  const byEmail = new Map<string, string[]>();
  for (const r of rows) byEmail.set(r.email, [...(byEmail.get(r.email) ?? []), r.patient_id]);
  return { users: Array.from({ length: clinicians }, (_, i) => ({ email: harnessEmail(i), patientIds: byEmail.get(harnessEmail(i)) ?? [] })) };
}
