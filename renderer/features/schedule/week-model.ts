// The week view's model: seven days (Monday first) in the clinician's time zone, each with its visits in time
// order, every visit with its clinician-zone times and the patient's local time (zone of their location state).
// Pure; DST-aware through shared/rules/time-zones (a day may be 23 or 25 hours long).
import type { Appointment } from '../../../shared/domain/appointment';
import { STATE_TIME_ZONES } from '../../../shared/domain/state-time-zones';
import { addDays, localDayRange, offsetMinutes } from '../../../shared/rules/time-zones';

export type LocalDate = string; // YYYY-MM-DD

type WeekAppointment = Pick<Appointment, 'id' | 'patientId' | 'patientName' | 'kind' | 'status' | 'startsAt' | 'endsAt' | 'patientLocationState'> & { pending?: boolean };

export interface WeekItem {
  id: string;
  patientId: string;
  patientName: string;
  kind: Appointment['kind'];
  status: Appointment['status'];
  pending: boolean;
  startsAt: string;
  /** "09:00–09:30" in the clinician's zone. */
  clinicianTime: string;
  /** "12:00 EST (NY)": the start in the patient's local time, or null when their location is not known. */
  patientTime: string | null;
}

export interface WeekDay {
  date: LocalDate;
  items: WeekItem[];
}

export interface WeekModel {
  weekStart: LocalDate;
  days: WeekDay[];
}

/** The Monday of the week holding the date. */
export function weekStartOf(date: LocalDate): LocalDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/** ISO instants [from, to) covering the seven local days from weekStart (DST-aware). */
export function weekRange(weekStart: LocalDate, timeZone: string): { fromIso: string; toIso: string } {
  return { fromIso: localDayRange(weekStart, timeZone).start.toISOString(), toIso: localDayRange(addDays(weekStart, 6), timeZone).end.toISOString() };
}

/**
 * Intl's formatToParts is slow (a week of 1,600 visits took ~0.5 s in Chromium), so the zone's offset and name
 * are looked up once per 15-minute slice of time and reused: every time-zone change in the tz database happens
 * on a quarter hour, so one lookup holds for the whole slice. Wall-clock fields then come from UTC getters.
 */
const SLICE_MS = 15 * 60_000;
const sliceOffsets = new Map<string, number>();
const sliceNames = new Map<string, string>();
const zoneNames = new Map<string, Intl.DateTimeFormat>();

function bounded<V>(map: Map<string, V>, key: string, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    if (map.size > 20_000) map.clear();
    value = make();
    map.set(key, value);
  }
  return value;
}

function sliceKey(ms: number, timeZone: string): string {
  return `${timeZone}|${Math.floor(ms / SLICE_MS)}`;
}

/** The wall clock of an instant in a zone, as a Date whose UTC fields read as the local fields. */
function wallClock(ms: number, timeZone: string): Date {
  const offset = bounded(sliceOffsets, sliceKey(ms, timeZone), () => offsetMinutes(new Date(Math.floor(ms / SLICE_MS) * SLICE_MS), timeZone));
  return new Date(ms + offset * 60_000);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "HH:MM" in the zone (same as shared localTime, faster for many instants). */
export function fastLocalTime(ms: number, timeZone: string): string {
  const w = wallClock(ms, timeZone);
  return `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}`;
}

/** YYYY-MM-DD in the zone (same as shared localDate, faster for many instants). */
export function fastLocalDate(ms: number, timeZone: string): string {
  const w = wallClock(ms, timeZone);
  return `${w.getUTCFullYear()}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}`;
}

function zoneAbbreviation(ms: number, timeZone: string): string {
  return bounded(sliceNames, sliceKey(ms, timeZone), () => {
    const f = bounded(zoneNames, timeZone, () => new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }));
    return f.formatToParts(new Date(Math.floor(ms / SLICE_MS) * SLICE_MS)).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  });
}

/** The start of a visit in the patient's local time, "12:00 EST (NY)". */
export function patientLocalTime(startsAt: string, state: string | null | undefined): string | null {
  const zone = state ? STATE_TIME_ZONES[state as keyof typeof STATE_TIME_ZONES] : undefined;
  if (!zone) return null;
  const ms = Date.parse(startsAt);
  return `${fastLocalTime(ms, zone)} ${zoneAbbreviation(ms, zone)} (${state})`;
}

export function buildWeek(weekStart: LocalDate, timeZone: string, appointments: readonly WeekAppointment[]): WeekModel {
  const days: WeekDay[] = Array.from({ length: 7 }, (_, i) => ({ date: addDays(weekStart, i), items: [] }));
  const byDate = new Map(days.map((d) => [d.date, d]));
  const sorted = [...appointments].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
  for (const a of sorted) {
    const start = Date.parse(a.startsAt);
    const day = byDate.get(fastLocalDate(start, timeZone));
    if (!day) continue; // outside the week
    day.items.push({
      id: a.id, patientId: a.patientId, patientName: a.patientName, kind: a.kind, status: a.status, pending: a.pending ?? false, startsAt: a.startsAt,
      clinicianTime: `${fastLocalTime(start, timeZone)}–${fastLocalTime(Date.parse(a.endsAt), timeZone)}`,
      patientTime: patientLocalTime(a.startsAt, a.patientLocationState),
    });
  }
  return { weekStart, days };
}
