// The week view's model: seven days (Monday first) in the clinician's time zone, each with its visits in time
// order, every visit with its clinician-zone times and the patient's local time (zone of their location state).
// Pure; DST-aware through shared/rules/time-zones (a day may be 23 or 25 hours long).
import type { Appointment } from '../../../shared/domain/appointment';
import { STATE_TIME_ZONES } from '../../../shared/domain/state-time-zones';
import { addDays, localDate, localDayRange, localTime } from '../../../shared/rules/time-zones';

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

const abbreviations = new Map<string, Intl.DateTimeFormat>();

function zoneAbbreviation(instant: Date, timeZone: string): string {
  let f = abbreviations.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' });
    abbreviations.set(timeZone, f);
  }
  return f.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/** The start of a visit in the patient's local time, "12:00 EST (NY)". */
export function patientLocalTime(startsAt: string, state: string | null | undefined): string | null {
  const zone = state ? STATE_TIME_ZONES[state as keyof typeof STATE_TIME_ZONES] : undefined;
  if (!zone) return null;
  const instant = new Date(startsAt);
  return `${localTime(instant, zone)} ${zoneAbbreviation(instant, zone)} (${state})`;
}

export function buildWeek(weekStart: LocalDate, timeZone: string, appointments: readonly WeekAppointment[]): WeekModel {
  const days: WeekDay[] = Array.from({ length: 7 }, (_, i) => ({ date: addDays(weekStart, i), items: [] }));
  const byDate = new Map(days.map((d) => [d.date, d]));
  const sorted = [...appointments].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
  for (const a of sorted) {
    const start = new Date(a.startsAt);
    const day = byDate.get(localDate(start, timeZone));
    if (!day) continue; // outside the week
    day.items.push({
      id: a.id, patientId: a.patientId, patientName: a.patientName, kind: a.kind, status: a.status, pending: a.pending ?? false, startsAt: a.startsAt,
      clinicianTime: `${localTime(start, timeZone)}–${localTime(new Date(a.endsAt), timeZone)}`,
      patientTime: patientLocalTime(a.startsAt, a.patientLocationState),
    });
  }
  return { weekStart, days };
}
