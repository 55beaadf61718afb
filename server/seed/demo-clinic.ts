// Pure generator of the demo clinic: the same seed and `now` always give the same rows, for every table.
import { DEMO_CITIES } from './data/cities';
import { DEMO_EMPLOYERS } from './data/employers';
import { generatePatients } from './generate-patients';
import { generateSchedule } from './generate-schedule';
import { generateStaff } from './generate-staff';
import { Random } from './prng';
import type { CityRow, DemoClinic, DemoClinicCounts, EmployerRow } from './rows';

export type { DemoClinic, DemoClinicCounts } from './rows';

/** Default seed of the demo clinic (any 32-bit integer gives another, equally consistent clinic). */
export const DEFAULT_DEMO_SEED = 20_190_917;
export const DEFAULT_PATIENT_COUNT = 2000;
/** Key of the demo clinician in data/staff.ts. */
export const DEMO_CLINICIAN_KEY = 'demo-clinician';

export interface GenerateDemoClinicOptions {
  seed?: number;
  /** Visits are placed around this instant (from 3 days before to 4 days after). */
  now: Date;
  patientCount?: number;
}

export function generateDemoClinic(options: GenerateDemoClinicOptions): DemoClinic {
  const { now } = options;
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const patientCount = options.patientCount ?? DEFAULT_PATIENT_COUNT;
  if (!Number.isInteger(patientCount) || patientCount < 0) throw new Error('patientCount must be a whole number');
  if (Number.isNaN(now.getTime())) throw new Error('now must be a valid date');
  const rng = new Random(seed >>> 0);

  const cities: CityRow[] = DEMO_CITIES.map((c) => ({
    id: c.id, name: c.name, state: c.state, time_zone: c.timeZone, in_person: c.inPerson, latitude: c.lat, longitude: c.lon,
  }));
  const employerRng = rng.fork('employers');
  const employers: EmployerRow[] = DEMO_EMPLOYERS.map((e) => ({ id: employerRng.uuid(), name: e.name }));

  const staff = generateStaff(rng.fork('staff'), now);
  // Travelling patients are only ever somewhere a physician or nurse practitioner is licensed.
  const travelStates = [...new Set(
    staff.staff.filter((s) => ['MD', 'DO', 'NP'].includes(s.member.credential)).flatMap((s) => [...s.activeStates]),
  )].sort();
  const patients = generatePatients(rng.fork('patients'), now, { count: patientCount, employers, travelStates });
  const schedule = generateSchedule(rng.fork('schedule'), now, {
    staff: staff.staff, patients: patients.patients, demoClinicianKey: DEMO_CLINICIAN_KEY,
  });

  return {
    cities,
    employers,
    users: staff.users,
    staff_skills: staff.skills,
    staff_licenses: staff.licenses,
    patients: patients.patients.map((p) => p.row),
    patient_allergies: patients.allergies,
    patient_medications: patients.medications,
    patient_problems: patients.problems,
    care_team: schedule.careTeam,
    appointments: schedule.appointments,
  };
}

export function countDemoClinic(clinic: DemoClinic): DemoClinicCounts {
  return Object.fromEntries(Object.entries(clinic).map(([table, rows]) => [table, (rows as unknown[]).length])) as DemoClinicCounts;
}
