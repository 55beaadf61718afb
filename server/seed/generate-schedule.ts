// Care teams and a week of visits around `now`: each clinician licensed where the patient is, never double-booked,
// within business hours in the clinician's time zone, with statuses that fit the clock.
import { cityById } from './data/cities';
import {
  DIABETES_DRAW_REASON, EXAM_HOME_VISIT_REASONS, NURSE_HOME_VISIT_REASONS, PHLEBOTOMY_VISIT_REASONS, VIDEO_VISIT_REASONS,
} from './data/visit-reasons';
import type { GeneratedPatient } from './generate-patients';
import type { GeneratedStaffMember } from './generate-staff';
import type { Random } from './prng';
import type { AppointmentRow, AppointmentStatus, CareTeamRow } from './rows';
import type { LocalDate } from './time';
import { DAY_MS, MINUTE_MS, addDays, localMinutes, toLocal, weekdayOf, zonedToEpoch } from './time';

/** Business hours, in minutes after local midnight of the clinician's time zone. */
export const BUSINESS_HOURS = { open: 7 * 60, close: 19 * 60 } as const;
/** The demo week: visits start from 3 days before now until 4 days after. */
export const WINDOW = { beforeMs: 3 * DAY_MS, afterMs: 4 * DAY_MS } as const;

const PRESCRIBERS = new Set(['MD', 'DO', 'NP']);
const VISITING = new Set(['MD', 'DO', 'NP', 'RN', 'phlebotomist']);
const MAX_VISITS_PER_PATIENT = 3;

export interface GeneratedSchedule {
  careTeam: CareTeamRow[];
  appointments: AppointmentRow[];
}

interface Booking {
  start: number;
  end: number;
}

class ScheduleBuilder {
  readonly careTeam = new Map<string, CareTeamRow>();
  readonly appointments: AppointmentRow[] = [];
  private readonly patientBookings = new Map<string, Booking[]>();

  constructor(private readonly idRng: Random, readonly nowMs: number) {}

  addCareTeam(patientId: string, userId: string, relation: CareTeamRow['relation']): void {
    const key = `${patientId}/${userId}`;
    if (!this.careTeam.has(key)) this.careTeam.set(key, { patient_id: patientId, user_id: userId, relation });
  }

  patientFree(patientId: string, start: number, end: number): boolean {
    const bookings = this.patientBookings.get(patientId) ?? [];
    if (bookings.length >= MAX_VISITS_PER_PATIENT) return false;
    // Also keep 30 minutes between two visits of one patient.
    return bookings.every((b) => end + 30 * MINUTE_MS <= b.start || start >= b.end + 30 * MINUTE_MS);
  }

  book(row: Omit<AppointmentRow, 'id'>): void {
    const start = Date.parse(row.starts_at);
    const end = Date.parse(row.ends_at);
    const list = this.patientBookings.get(row.patient_id) ?? [];
    list.push({ start, end });
    this.patientBookings.set(row.patient_id, list);
    this.appointments.push({ id: this.idRng.uuid(), ...row });
    this.addCareTeam(row.patient_id, row.clinician_id, 'scheduled');
  }

  inWindow(start: number): boolean {
    return start >= this.nowMs - WINDOW.beforeMs && start < this.nowMs + WINDOW.afterMs;
  }
}

/** Status that fits the clock: past visits done (or missed, or cancelled), current ones under way, future ones booked. */
function statusAt(rng: Random, nowMs: number, start: number, end: number): AppointmentStatus {
  if (end <= nowMs) {
    const r = rng.float();
    return r < 0.86 ? 'completed' : r < 0.93 ? 'cancelled' : 'no_show';
  }
  if (start <= nowMs) return rng.chance(0.75) ? 'in_progress' : 'checked_in';
  if (start - nowMs <= 20 * MINUTE_MS && rng.chance(0.35)) return 'checked_in';
  return 'booked';
}

function videoReason(rng: Random, patient: GeneratedPatient): string {
  if (patient.problemGroups.has('diabetes') && rng.chance(0.3)) return 'Follow-up: diabetes';
  if (patient.problemGroups.has('hypertension') && rng.chance(0.3)) return 'Follow-up: blood pressure';
  return rng.pick(VIDEO_VISIT_REASONS);
}

function homeReason(rng: Random, credential: string, patient: GeneratedPatient): string {
  if (credential === 'NP') return rng.pick(EXAM_HOME_VISIT_REASONS);
  if (patient.problemGroups.has('diabetes') && rng.chance(0.4)) return DIABETES_DRAW_REASON;
  return rng.pick(credential === 'RN' ? NURSE_HOME_VISIT_REASONS : PHLEBOTOMY_VISIT_REASONS);
}

export interface ScheduleOptions {
  staff: readonly GeneratedStaffMember[];
  patients: readonly GeneratedPatient[];
  demoClinicianKey: string;
}

export function generateSchedule(rng: Random, now: Date, options: ScheduleOptions): GeneratedSchedule {
  const nowMs = now.getTime();
  const builder = new ScheduleBuilder(rng.fork('ids'), nowMs);
  const { staff, patients } = options;

  // Indexes: patients by location state; patients at home in each city (for home visits).
  const byState = new Map<string, GeneratedPatient[]>();
  const atHomeInCity = new Map<string, GeneratedPatient[]>();
  const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const p of patients) {
    push(byState, p.row.location_state, p);
    if (p.row.city_id && p.row.location_state === p.row.address_state) push(atHomeInCity, p.row.city_id, p);
  }

  // Primary clinician: a physician or nurse practitioner licensed where the patient is, preferably from their city.
  const prescribers = staff.filter((s) => PRESCRIBERS.has(s.member.credential));
  const panel = new Map<string, GeneratedPatient[]>(prescribers.map((s) => [s.user.id, []]));
  const teamRng = rng.fork('care-team');
  for (const p of patients) {
    const eligible = prescribers.filter((s) => s.activeStates.has(p.row.location_state));
    if (eligible.length === 0) throw new Error(`no licensed clinician for a patient located in ${p.row.location_state}`);
    const weight = (s: GeneratedStaffMember) =>
      (s.member.homeCityId === p.row.city_id ? 6 : 1) * (s.member.key === options.demoClinicianKey ? 2 : 1);
    const primary = teamRng.weighted(eligible, weight);
    builder.addCareTeam(p.row.id, primary.user.id, 'primary');
    panel.get(primary.user.id)!.push(p);
    const physicians = eligible.filter((s) => s !== primary && s.member.credential !== 'NP');
    if (physicians.length > 0 && teamRng.chance(0.04)) builder.addCareTeam(p.row.id, teamRng.pick(physicians).user.id, 'consulting');
  }

  // Per clinician: their own panel where they may see them, and the states where they may see anyone.
  const reach = new Map<string, { own: GeneratedPatient[]; states: string[] }>();
  const reachOf = (clinician: GeneratedStaffMember) => {
    let r = reach.get(clinician.user.id);
    if (!r) {
      r = {
        own: (panel.get(clinician.user.id) ?? []).filter((p) => clinician.activeStates.has(p.row.location_state)),
        states: [...clinician.activeStates].sort().filter((st) => (byState.get(st)?.length ?? 0) > 0),
      };
      reach.set(clinician.user.id, r);
    }
    return r;
  };

  const pickVideoPatient = (prng: Random, clinician: GeneratedStaffMember, start: number, end: number): GeneratedPatient | null => {
    const { own, states } = reachOf(clinician);
    for (let attempt = 0; attempt < 15; attempt++) {
      let candidate: GeneratedPatient;
      if (own.length > 0 && prng.chance(0.5)) candidate = prng.pick(own);
      else if (states.length > 0) candidate = prng.pick(byState.get(prng.weighted(states, (st) => byState.get(st)!.length))!);
      else return null;
      if (builder.patientFree(candidate.row.id, start, end)) return candidate;
    }
    return null;
  };

  const pickHomePatient = (prng: Random, clinician: GeneratedStaffMember, start: number, end: number): GeneratedPatient | null => {
    const city = cityById(clinician.member.homeCityId);
    if (!city.inPerson || !clinician.activeStates.has(city.state)) return null;
    const pool = atHomeInCity.get(city.id) ?? [];
    for (let attempt = 0; attempt < 15 && pool.length > 0; attempt++) {
      const candidate = prng.pick(pool);
      if (builder.patientFree(candidate.row.id, start, end)) return candidate;
    }
    return null;
  };

  // The demo clinician's day first, so that its patients are free.
  const demo = staff.find((s) => s.member.key === options.demoClinicianKey);
  if (demo) bookDemoDay(rng.fork('demo-day'), nowMs, demo, builder, (r, s, e) => pickVideoPatient(r, demo, s, e));

  for (const clinician of staff) {
    if (!VISITING.has(clinician.member.credential)) continue;
    const crng = rng.fork(`schedule:${clinician.member.key}`);
    const tz = clinician.user.time_zone;
    const today = toLocal(nowMs, tz);
    const shiftStart = BUSINESS_HOURS.open + crng.int(0, 4) * 30;
    const isDemo = clinician === demo;
    for (let offset = -3; offset <= 4; offset++) {
      if (isDemo && offset === 0) continue;
      const date = addDays(today, offset);
      const weekend = weekdayOf(date) === 0 || weekdayOf(date) === 6;
      const works = weekend ? crng.chance(0.35) : isDemo || crng.chance(0.92);
      if (!works) continue;
      const open = weekend ? 9 * 60 : shiftStart;
      const close = weekend ? 14 * 60 : Math.min(open + 9 * 60, BUSINESS_HOURS.close);
      bookDay(crng, clinician, date, open, close, builder, pickVideoPatient, pickHomePatient);
    }
  }

  return { careTeam: [...builder.careTeam.values()], appointments: builder.appointments };
}

type PatientPicker = (rng: Random, clinician: GeneratedStaffMember, start: number, end: number) => GeneratedPatient | null;

function bookDay(
  rng: Random, clinician: GeneratedStaffMember, date: LocalDate, open: number, close: number, builder: ScheduleBuilder,
  pickVideo: PatientPicker, pickHome: PatientPicker,
): void {
  const credential = clinician.member.credential;
  const tz = clinician.user.time_zone;
  const nowMs = builder.nowMs;
  const homeCity = cityById(clinician.member.homeCityId);
  let t = open;
  let lunch = close - open < 6 * 60;
  for (;;) {
    if (!lunch && t >= 12 * 60 - 15) {
      t += 30;
      lunch = true;
    }
    const home = credential === 'RN' || credential === 'phlebotomist' || (credential === 'NP' && homeCity.inPerson && rng.chance(0.45));
    const minutes = home ? rng.weighted([30, 45, 60], (d) => (d === 45 ? 4 : 3)) : rng.weighted([15, 20, 30], (d) => (d === 20 ? 4 : 3));
    if (t + minutes > close) break;
    const start = zonedToEpoch(date, t, tz);
    const end = start + minutes * MINUTE_MS;
    // Now and then an open slot.
    if (builder.inWindow(start) && !rng.chance(0.05)) {
      const patient = home ? pickHome(rng, clinician, start, end) : pickVideo(rng, clinician, start, end);
      if (patient) {
        builder.book({
          patient_id: patient.row.id,
          clinician_id: clinician.user.id,
          kind: home ? 'home' : 'video',
          status: statusAt(rng, nowMs, start, end),
          starts_at: new Date(start).toISOString(),
          ends_at: new Date(end).toISOString(),
          reason: home ? homeReason(rng, credential, patient) : videoReason(rng, patient),
          city_id: home ? homeCity.id : null,
        });
      }
    }
    const gap = home ? rng.weighted([15, 20, 30], (g) => (g === 30 ? 2 : 3)) : rng.weighted([0, 5, 10, 15], (g) => (g === 5 ? 4 : g === 10 ? 3 : g === 0 ? 2 : 1));
    t += minutes + gap;
  }
}

/**
 * The demo clinician's day today: 12 video visits, placed so that some are already completed, the next one is
 * checked in and the rest are booked. Within business hours when the clock allows; late at night or early in the
 * morning the block becomes an on-call shift around now instead, so the demo always has a day in progress.
 */
function bookDemoDay(
  rng: Random, nowMs: number, demo: GeneratedStaffMember, builder: ScheduleBuilder,
  pick: (rng: Random, start: number, end: number) => GeneratedPatient | null,
): void {
  const tz = demo.user.time_zone;
  const slots: { start: number; end: number }[] = [];
  let t = 0;
  for (let i = 0; i < 12; i++) {
    const minutes = rng.pick([20, 20, 30]);
    slots.push({ start: t, end: t + minutes });
    t += minutes + (i === 3 ? 10 : rng.pick([5, 10, 10, 15]));
  }
  const blockLength = slots[slots.length - 1]!.end;
  const nowLocal = localMinutes(nowMs, tz);
  const ideal = Math.floor((nowLocal + 5 - slots[4]!.start) / 5) * 5;
  const clamped = Math.min(Math.max(ideal, BUSINESS_HOURS.open), BUSINESS_HOURS.close - blockLength);
  const pastCount = (blockStart: number) => slots.filter((s) => blockStart + s.end <= nowLocal).length;
  const blockStart = pastCount(clamped) >= 2 && pastCount(clamped) < slots.length ? clamped : ideal;
  // Whole block placed in absolute time, so a daylight-saving change inside an on-call night cannot fold it.
  const blockStartMs = zonedToEpoch(toLocal(nowMs, tz), blockStart, tz);

  let checkedIn = false;
  let noShow = false;
  for (const slot of slots) {
    const start = blockStartMs + slot.start * MINUTE_MS;
    const end = blockStartMs + slot.end * MINUTE_MS;
    const patient = pick(rng, start, end);
    if (!patient) continue;
    let status: AppointmentStatus;
    if (end <= nowMs) {
      status = !noShow && rng.chance(0.15) ? 'no_show' : 'completed';
      if (status === 'no_show') noShow = true;
    } else if (!checkedIn) {
      status = 'checked_in';
      checkedIn = true;
    } else {
      status = 'booked';
    }
    builder.book({
      patient_id: patient.row.id,
      clinician_id: demo.user.id,
      kind: 'video',
      status,
      starts_at: new Date(start).toISOString(),
      ends_at: new Date(end).toISOString(),
      reason: videoReason(rng, patient),
      city_id: null,
    });
  }
}
