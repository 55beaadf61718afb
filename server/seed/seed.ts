// Writes the demo clinic into a database in one transaction, and only ever into one that holds no data.
import type { Database, Queryable } from '../db/database';
import { hashPassword } from '../auth/passwords';
import { DEMO_PASSWORD } from './demo-accounts';
import { bulkInsert } from './bulk-insert';
import type { Column } from './bulk-insert';
import { countDemoClinic, generateDemoClinic } from './demo-clinic';
import { insertDemoPrescriptions } from './demo-prescriptions';
import { seedDemoChat } from './demo-chat';
import { insertDemoQueue } from './demo-queue';
import { insertDispatchDay } from './dispatch-day';
import type {
  AppointmentRow, CareTeamRow, CityRow, DemoClinic, DemoClinicCounts, EmployerRow, PatientAllergyRow, PatientMedicationRow,
  PatientProblemRow, PatientRow, StaffLicenseRow, StaffSkillRow, UserRow,
} from './rows';

/** pg_advisory_xact_lock key taken while checking for data and seeding (arbitrary, constant; migrations use 727001). */
export const DEMO_SEED_LOCK_KEY = 727_002;

export interface SeedDemoOptions {
  /** Visits are placed around this instant; defaults to the current time. */
  now?: Date;
  seed?: number;
  patientCount?: number;
}

export interface SeedDemoIfEmptyOptions extends SeedDemoOptions {
  /** Receives one-line progress messages (counts only, never patient data). */
  log?: (message: string) => void;
}

export type SeedDemoIfEmptyResult = 'seeded' | 'skipped-not-empty';

export class DatabaseNotEmptyError extends Error {
  constructor() {
    super('the database already holds data; the demo clinic is only ever seeded into an empty database');
    this.name = 'DatabaseNotEmptyError';
  }
}

/** True when any table the demo clinic would fill already has a row. */
export async function databaseHoldsData(q: Queryable): Promise<boolean> {
  const { rows } = await q.query<{ holds: boolean }>(`SELECT
    EXISTS (SELECT 1 FROM users) OR EXISTS (SELECT 1 FROM patients) OR EXISTS (SELECT 1 FROM appointments)
    OR EXISTS (SELECT 1 FROM employers) OR EXISTS (SELECT 1 FROM cities) AS holds`);
  return rows[0]?.holds === true;
}

type HashedUser = UserRow & { password_hash: string };

const col = <Row>(name: keyof Row & string, type: string): Column<Row> => ({ name, type });

const CITY_COLUMNS = [col<CityRow>('id', 'text'), col<CityRow>('name', 'text'), col<CityRow>('state', 'text'), col<CityRow>('time_zone', 'text'),
  col<CityRow>('in_person', 'boolean'), col<CityRow>('latitude', 'float8'), col<CityRow>('longitude', 'float8')];
const EMPLOYER_COLUMNS = [col<EmployerRow>('id', 'uuid'), col<EmployerRow>('name', 'text')];
const USER_COLUMNS = [col<HashedUser>('id', 'uuid'), col<HashedUser>('email', 'text'), col<HashedUser>('display_name', 'text'),
  col<HashedUser>('role', 'text'), col<HashedUser>('credential', 'text'), col<HashedUser>('time_zone', 'text'),
  col<HashedUser>('home_city_id', 'text'), col<HashedUser>('password_hash', 'text'), col<HashedUser>('totp_secret', 'text'),
  col<HashedUser>('totp_enabled', 'boolean')];
const SKILL_COLUMNS = [col<StaffSkillRow>('user_id', 'uuid'), col<StaffSkillRow>('skill', 'text')];
const LICENSE_COLUMNS = [col<StaffLicenseRow>('user_id', 'uuid'), col<StaffLicenseRow>('state', 'text'),
  col<StaffLicenseRow>('license_number', 'text'), col<StaffLicenseRow>('expires_on', 'date')];
const PATIENT_COLUMNS = [col<PatientRow>('id', 'uuid'), col<PatientRow>('mrn', 'text'), col<PatientRow>('given_name', 'text'),
  col<PatientRow>('family_name', 'text'), col<PatientRow>('birth_date', 'date'), col<PatientRow>('sex', 'text'),
  col<PatientRow>('phone', 'text'), col<PatientRow>('email', 'text'), col<PatientRow>('address_line', 'text'),
  col<PatientRow>('address_city', 'text'), col<PatientRow>('address_state', 'text'), col<PatientRow>('postal_code', 'text'),
  col<PatientRow>('location_state', 'text'), col<PatientRow>('city_id', 'text'), col<PatientRow>('employer_id', 'uuid')];
const ALLERGY_COLUMNS = [col<PatientAllergyRow>('id', 'uuid'), col<PatientAllergyRow>('patient_id', 'uuid'),
  col<PatientAllergyRow>('substance', 'text'), col<PatientAllergyRow>('code', 'text'), col<PatientAllergyRow>('reaction', 'text'),
  col<PatientAllergyRow>('severity', 'text'), col<PatientAllergyRow>('recorded_on', 'date')];
const MEDICATION_COLUMNS = [col<PatientMedicationRow>('id', 'uuid'), col<PatientMedicationRow>('patient_id', 'uuid'),
  col<PatientMedicationRow>('rxnorm_code', 'text'), col<PatientMedicationRow>('name', 'text'), col<PatientMedicationRow>('sig', 'text'),
  col<PatientMedicationRow>('status', 'text'), col<PatientMedicationRow>('started_on', 'date')];
const PROBLEM_COLUMNS = [col<PatientProblemRow>('id', 'uuid'), col<PatientProblemRow>('patient_id', 'uuid'),
  col<PatientProblemRow>('icd10_code', 'text'), col<PatientProblemRow>('description', 'text'), col<PatientProblemRow>('status', 'text'),
  col<PatientProblemRow>('onset_on', 'date')];
const CARE_TEAM_COLUMNS = [col<CareTeamRow>('patient_id', 'uuid'), col<CareTeamRow>('user_id', 'uuid'), col<CareTeamRow>('relation', 'text')];
const APPOINTMENT_COLUMNS = [col<AppointmentRow>('id', 'uuid'), col<AppointmentRow>('patient_id', 'uuid'),
  col<AppointmentRow>('clinician_id', 'uuid'), col<AppointmentRow>('kind', 'text'), col<AppointmentRow>('status', 'text'),
  col<AppointmentRow>('starts_at', 'timestamptz'), col<AppointmentRow>('ends_at', 'timestamptz'), col<AppointmentRow>('reason', 'text'),
  col<AppointmentRow>('city_id', 'text')];

/** One argon2id hash of the demo password per account (each with its own salt), computed in parallel. */
export function hashDemoPasswords(count: number): Promise<string[]> {
  return Promise.all(Array.from({ length: count }, () => hashPassword(DEMO_PASSWORD)));
}

/** Inserts a generated clinic inside the caller's transaction; passwordHashes[i] belongs to clinic.users[i]. */
export async function insertDemoClinic(tx: Queryable, clinic: DemoClinic, passwordHashes: readonly string[]): Promise<DemoClinicCounts> {
  if (passwordHashes.length !== clinic.users.length) throw new Error('one password hash per demo user is needed');
  const users: HashedUser[] = clinic.users.map((u, i) => ({ ...u, password_hash: passwordHashes[i]! }));
  await bulkInsert(tx, 'cities', CITY_COLUMNS, clinic.cities);
  await bulkInsert(tx, 'employers', EMPLOYER_COLUMNS, clinic.employers);
  await bulkInsert(tx, 'users', USER_COLUMNS, users);
  await bulkInsert(tx, 'staff_skills', SKILL_COLUMNS, clinic.staff_skills);
  await bulkInsert(tx, 'staff_licenses', LICENSE_COLUMNS, clinic.staff_licenses);
  await bulkInsert(tx, 'patients', PATIENT_COLUMNS, clinic.patients);
  await bulkInsert(tx, 'patient_allergies', ALLERGY_COLUMNS, clinic.patient_allergies);
  await bulkInsert(tx, 'patient_medications', MEDICATION_COLUMNS, clinic.patient_medications);
  await bulkInsert(tx, 'patient_problems', PROBLEM_COLUMNS, clinic.patient_problems);
  await bulkInsert(tx, 'care_team', CARE_TEAM_COLUMNS, clinic.care_team);
  await bulkInsert(tx, 'appointments', APPOINTMENT_COLUMNS, clinic.appointments);
  await seedDemoChat(tx, clinic);
  return countDemoClinic(clinic);
}

async function lockAndCheckEmpty(tx: Queryable): Promise<void> {
  // Two instances starting together on one PostgreSQL: the second waits here, then sees the first one's rows.
  await tx.query('SELECT pg_advisory_xact_lock($1)', [DEMO_SEED_LOCK_KEY]);
  await tx.query('LOCK TABLE users, patients IN EXCLUSIVE MODE');
  if (await databaseHoldsData(tx)) throw new DatabaseNotEmptyError();
}

/**
 * Generates and inserts the demo clinic in one transaction. Throws DatabaseNotEmptyError (and writes nothing)
 * when the database already holds data.
 */
export async function seedDemoClinic(db: Database, options: SeedDemoOptions = {}): Promise<DemoClinicCounts> {
  const now = options.now ?? new Date();
  const clinic = generateDemoClinic({ now, seed: options.seed, patientCount: options.patientCount });
  const hashes = await hashDemoPasswords(clinic.users.length);
  return db.transaction(async (tx) => {
    await lockAndCheckEmpty(tx);
    const counts = await insertDemoClinic(tx, clinic, hashes);
    await insertDemoPrescriptions(tx, options.now ?? new Date());
    await insertDemoQueue(tx, clinic, now);
    await insertDispatchDay(tx, clinic, options.now ?? new Date());
    return counts;
  });
}

/** One line of counts for logs (no patient data). */
export function describeCounts(counts: DemoClinicCounts): string {
  return `${counts.cities} cities, ${counts.users} staff accounts, ${counts.patients} patients, ${counts.appointments} appointments, `
    + `${counts.patient_allergies} allergies, ${counts.patient_medications} medications, ${counts.patient_problems} problems, `
    + `${counts.care_team} care-team links, ${counts.staff_licenses} licenses`;
}

/** Seeds the demo clinic only when the database holds no data (checked again under a lock); never touches one that does. */
export async function seedDemoIfEmpty(db: Database, options: SeedDemoIfEmptyOptions = {}): Promise<SeedDemoIfEmptyResult> {
  const log = options.log ?? (() => undefined);
  // Cheap check first, so that an ordinary start of a server with data costs one query.
  if (await databaseHoldsData(db)) {
    log('Demo clinic not seeded: the database already holds data.');
    return 'skipped-not-empty';
  }
  try {
    const counts = await seedDemoClinic(db, options);
    log(`Demo clinic seeded: ${describeCounts(counts)}.`);
    return 'seeded';
  } catch (error) {
    if (error instanceof DatabaseNotEmptyError) {
      log('Demo clinic not seeded: the database already holds data.');
      return 'skipped-not-empty';
    }
    throw error;
  }
}
