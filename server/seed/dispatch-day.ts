// The demo dispatch day: for each city with home visits, today's shifts (nurses, phlebotomists, nurse
// practitioners, couriers (also tomorrow, for deliveries signed after hours) and the demo clinician), today's home visits as assigned field requests on their
// clinicians' routes, and unassigned home-visit and delivery requests for the board to dispatch.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database';
import { DEMO_CITIES } from './data/cities';
import type { DemoCity } from './data/cities';
import { SKILLS_BY_CREDENTIAL } from './data/staff';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { Random } from './prng';
import type { DemoClinic, PatientRow } from './rows';
import { addDays, instantAt, localDate } from '../../shared/rules/time-zones';
import { zipCentroid } from '../dispatch/geocode';
import type { FieldRequestStatus, FieldSkill, Priority } from '../../shared/domain/dispatch';

const FIELD_CREDENTIALS = new Set(['NP', 'RN', 'phlebotomist', 'courier']);
const MIN = 60_000;
/** The unassigned request the end-to-end test and the README walk-through assign in Seattle. */
export const DEMO_LUNG_EXAM_REASON = 'Post-discharge lung exam';

const HOME_WORK: ReadonlyArray<{ reason: string; skills: FieldSkill[]; minutes: number }> = [
  { reason: 'Fasting blood draw', skills: ['phlebotomy'], minutes: 20 },
  { reason: 'INR check', skills: ['phlebotomy'], minutes: 20 },
  { reason: 'Flu vaccination', skills: ['vaccination'], minutes: 20 },
  { reason: 'Wound dressing change', skills: ['wound_care'], minutes: 40 },
  { reason: 'IV antibiotic infusion', skills: ['iv'], minutes: 60 },
  { reason: 'Lung exam after pneumonia', skills: ['lung_exam'], minutes: 30 },
];

interface RequestRow {
  id: string; kind: 'home_visit' | 'delivery'; patient_id: string; city_id: string; dispatch_date: string; appointment_id: string | null;
  reason: string; address_line: string; postal_code: string; latitude: number; longitude: number; window_start: Date; window_end: Date;
  skills: string[]; duration_minutes: number; priority: Priority; status: FieldRequestStatus; assignee_id: string | null;
  route_position: number | null; planned_arrival: Date | null; status_at: Date | null;
}

function placeOf(p: PatientRow, city: DemoCity): { latitude: number; longitude: number } {
  const zip = zipCentroid(p.postal_code) ?? city.zips.find((z) => z.zip === p.postal_code);
  if (!zip) return { latitude: city.lat, longitude: city.lon };
  return 'latitude' in zip ? zip : { latitude: zip.lat, longitude: zip.lon };
}

function skillsFor(rng: Random, credential: string | null): FieldSkill[] {
  const held = (SKILLS_BY_CREDENTIAL[credential as keyof typeof SKILLS_BY_CREDENTIAL] ?? []).filter((s) => s !== 'telehealth') as FieldSkill[];
  return held.length > 0 ? [rng.pick(held)] : [];
}

/** Inserts the dispatch day for `now` inside the caller's transaction. */
export async function insertDispatchDay(tx: Queryable, clinic: DemoClinic, now: Date): Promise<void> {
  const rng = new Random(20_261_128).fork('dispatch');
  const users = new Map(clinic.users.map((u) => [u.id, u]));
  const patients = new Map(clinic.patients.map((p) => [p.id, p]));
  for (const city of DEMO_CITIES.filter((c) => c.inPerson)) {
    const date = localDate(now, city.timeZone);
    const at = (hhmm: string) => instantAt(date, hhmm, city.timeZone).getTime();
    const onShift = clinic.users.filter((u) => u.home_city_id === city.id && (FIELD_CREDENTIALS.has(u.credential ?? '') || u.email === DEMO_ACCOUNTS.clinician));
    if (onShift.length === 0) continue;
    for (const u of onShift) {
      const zip = rng.pick(city.zips);
      await tx.query(
        `INSERT INTO staff_shifts (id, user_id, city_id, shift_date, starts_at, ends_at, start_latitude, start_longitude, status)
         VALUES ($1, $2, $3, $4::date, $5, $6, $7, $8, 'available')`,
        [rng.uuid(), u.id, city.id, date, new Date(at('08:00')), new Date(at('18:00')), zip.lat, zip.lon]);
      if (u.credential === 'courier') {
        // Couriers are also on shift tomorrow: prescriptions signed after the day's last delivery run go to the next day's board.
        const next = addDays(date, 1);
        await tx.query(
          `INSERT INTO staff_shifts (id, user_id, city_id, shift_date, starts_at, ends_at, start_latitude, start_longitude, status)
           VALUES ($1, $2, $3, $4::date, $5, $6, $7, $8, 'available')`,
          [randomUUID(), u.id, city.id, next, instantAt(next, '08:00', city.timeZone), instantAt(next, '18:00', city.timeZone), zip.lat, zip.lon]);
      }
    }
    const requests: RequestRow[] = [];
    const shiftIds = new Set(onShift.map((u) => u.id));
    // Today's home visits become assigned requests on their clinicians' routes.
    const visits = clinic.appointments
      .filter((a) => a.kind === 'home' && a.city_id === city.id && shiftIds.has(a.clinician_id) && localDate(new Date(a.starts_at), city.timeZone) === date
        && !['cancelled', 'no_show'].includes(a.status))
      .sort((a, b) => a.starts_at.localeCompare(b.starts_at));
    const positions = new Map<string, number>();
    for (const a of visits) {
      const p = patients.get(a.patient_id)!;
      const start = Date.parse(a.starts_at);
      const position = positions.get(a.clinician_id) ?? 0;
      positions.set(a.clinician_id, position + 1);
      const status: FieldRequestStatus = a.status === 'completed' ? 'completed' : a.status === 'booked' ? 'assigned' : 'arrived';
      requests.push({
        id: rng.uuid(), kind: 'home_visit', patient_id: p.id, city_id: city.id, dispatch_date: date, appointment_id: a.id, reason: a.reason,
        address_line: p.address_line, postal_code: p.postal_code, ...placeOf(p, city), window_start: new Date(start - 30 * MIN),
        window_end: new Date(start + 30 * MIN), skills: skillsFor(rng, users.get(a.clinician_id)!.credential),
        duration_minutes: Math.round((Date.parse(a.ends_at) - start) / MIN), priority: 'routine', status, assignee_id: a.clinician_id,
        route_position: position, planned_arrival: new Date(start - 5 * MIN), status_at: status === 'assigned' ? null : new Date(start),
      });
    }
    // Unassigned work for the board: home visits (patients at home in the city) and a few deliveries.
    const atHome = clinic.patients.filter((p) => p.city_id === city.id && p.location_state === city.state);
    const chosen = rng.sample(atHome, Math.min(atHome.length, city.id === 'seattle' ? 12 : 7));
    chosen.forEach((p, k) => {
      const delivery = k >= chosen.length - 3 && onShift.some((u) => u.credential === 'courier');
      const work = delivery ? { reason: 'Prescription delivery', skills: ['delivery'] as FieldSkill[], minutes: 10 }
        : city.id === 'seattle' && k === 0 ? { reason: DEMO_LUNG_EXAM_REASON, skills: ['lung_exam'] as FieldSkill[], minutes: 30 }
          : rng.pick(HOME_WORK);
      const startHour = k === 0 ? 9 : rng.int(9, 15);
      const width = k === 0 ? 8 : rng.pick([1, 2, 3]);
      requests.push({
        id: rng.uuid(), kind: delivery ? 'delivery' : 'home_visit', patient_id: p.id, city_id: city.id, dispatch_date: date, appointment_id: null,
        reason: work.reason, address_line: p.address_line, postal_code: p.postal_code, ...placeOf(p, city),
        window_start: new Date(at(`${String(startHour).padStart(2, '0')}:00`)), window_end: new Date(at(`${String(startHour + width).padStart(2, '0')}:00`)),
        skills: work.skills, duration_minutes: work.minutes, priority: rng.weighted(['routine', 'soon', 'urgent'] as const, (x) => (x === 'routine' ? 6 : x === 'soon' ? 3 : 1)),
        status: 'unassigned', assignee_id: null, route_position: null, planned_arrival: null, status_at: null,
      });
    });
    for (const r of requests) {
      await tx.query(
        `INSERT INTO field_requests (id, kind, patient_id, city_id, dispatch_date, appointment_id, reason, address_line, postal_code, latitude, longitude,
           window_start, window_end, skills, duration_minutes, priority, status, assignee_id, route_position, planned_arrival, status_at)
         VALUES ($1, $2, $3, $4, $5::date, $6, $7, $8, $9, $10, $11, $12, $13, $14::text[], $15, $16, $17, $18, $19, $20, $21)`,
        [r.id, r.kind, r.patient_id, r.city_id, r.dispatch_date, r.appointment_id, r.reason, r.address_line, r.postal_code, r.latitude, r.longitude,
          r.window_start, r.window_end, r.skills, r.duration_minutes, r.priority, r.status, r.assignee_id, r.route_position, r.planned_arrival, r.status_at]);
    }
  }
}


