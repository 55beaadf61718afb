// A small clinic for server tests: one city, a user of each role, two patients (one on the clinician's
// care team, one not), and appointments. Much smaller than the demo clinic so tests stay fast.
import { randomUUID } from 'node:crypto';
import type { Database } from '../../../server/db/database';
import { hashPassword } from '../../../server/auth/passwords';

export const TEST_PASSWORD = 'correct horse battery staple';
export const ADMIN_TOTP_SECRET = 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU';

let cachedHash: Promise<string> | undefined;
const passwordHash = () => (cachedHash ??= hashPassword(TEST_PASSWORD));

export interface TestClinic {
  cityId: string;
  users: { clinician: string; otherClinician: string; dispatcher: string; courier: string; admin: string };
  emails: { clinician: string; otherClinician: string; dispatcher: string; courier: string; admin: string };
  /** On the clinician's care team, with a video visit today. */
  ownPatientId: string;
  /** On the other clinician's care team, with a home visit today. */
  otherPatientId: string;
  ownAppointmentId: string;
  otherAppointmentId: string;
}

export async function seedTestClinic(db: Database, now = new Date()): Promise<TestClinic> {
  const hash = await passwordHash();
  const ids = { clinician: randomUUID(), otherClinician: randomUUID(), dispatcher: randomUUID(), courier: randomUUID(), admin: randomUUID() };
  const emails = {
    clinician: 'clinician@test.housecall.test', otherClinician: 'other@test.housecall.test', dispatcher: 'dispatch@test.housecall.test',
    courier: 'courier@test.housecall.test', admin: 'admin@test.housecall.test',
  };
  const ownPatientId = randomUUID();
  const otherPatientId = randomUUID();
  const ownAppointmentId = randomUUID();
  const otherAppointmentId = randomUUID();
  await db.transaction(async (tx) => {
    await tx.query(`INSERT INTO cities (id, name, state, time_zone, latitude, longitude) VALUES ('seattle', 'Seattle', 'WA', 'America/Los_Angeles', 47.6062, -122.3321)`);
    const addUser = (id: string, email: string, name: string, role: string, credential: string | null, totp: string | null) =>
      tx.query(`INSERT INTO users (id, email, display_name, role, credential, time_zone, home_city_id, password_hash, totp_secret, totp_enabled)
                VALUES ($1, $2, $3, $4, $5, 'America/Los_Angeles', 'seattle', $6, $7, $8)`, [id, email, name, role, credential, hash, totp, totp !== null]);
    await addUser(ids.clinician, emails.clinician, 'Dr. Test Clinician', 'clinician', 'MD', null);
    await addUser(ids.otherClinician, emails.otherClinician, 'Dr. Other Clinician', 'clinician', 'NP', null);
    await addUser(ids.dispatcher, emails.dispatcher, 'Test Dispatcher', 'dispatcher', 'coordinator', null);
    await addUser(ids.courier, emails.courier, 'Test Courier', 'courier', 'courier', null);
    await addUser(ids.admin, emails.admin, 'Test Admin', 'admin', 'it', ADMIN_TOTP_SECRET);
    await tx.query(`INSERT INTO staff_licenses (user_id, state, license_number, expires_on) VALUES ($1, 'WA', 'MD60000001', '2030-12-31'), ($2, 'WA', 'NP60000002', '2030-12-31')`, [ids.clinician, ids.otherClinician]);
    const addPatient = (id: string, mrn: string, given: string, family: string) =>
      tx.query(`INSERT INTO patients (id, mrn, given_name, family_name, birth_date, sex, phone, address_line, address_city, address_state, postal_code, location_state, city_id)
                VALUES ($1, $2, $3, $4, '1980-04-02', 'female', '206-555-0142', '100 Pine St', 'Seattle', 'WA', '98101', 'WA', 'seattle')`, [id, mrn, given, family]);
    await addPatient(ownPatientId, 'HC0000001', 'Zelphira', 'Quimbleton');
    await addPatient(otherPatientId, 'HC0000002', 'Orsolya', 'Brackenridge');
    await tx.query(`INSERT INTO patient_allergies (id, patient_id, substance, reaction, severity) VALUES ($1, $2, 'Penicillin', 'Hives', 'moderate')`, [randomUUID(), ownPatientId]);
    await tx.query(`INSERT INTO care_team (patient_id, user_id, relation) VALUES ($1, $2, 'primary'), ($3, $4, 'primary')`, [ownPatientId, ids.clinician, otherPatientId, ids.otherClinician]);
    const start = new Date(now.getTime() + 60 * 60_000);
    const end = new Date(start.getTime() + 30 * 60_000);
    await tx.query(`INSERT INTO appointments (id, patient_id, clinician_id, kind, status, starts_at, ends_at, reason, city_id)
                    VALUES ($1, $2, $3, 'video', 'booked', $4, $5, 'Sore throat', 'seattle'), ($6, $7, $8, 'home', 'booked', $4, $5, 'Blood draw', 'seattle')`,
      [ownAppointmentId, ownPatientId, ids.clinician, start, end, otherAppointmentId, otherPatientId, ids.otherClinician]);
  });
  return { cityId: 'seattle', users: ids, emails, ownPatientId, otherPatientId, ownAppointmentId, otherAppointmentId };
}
