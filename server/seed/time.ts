// Wall-clock time in an IANA time zone, for placing demo visits in each clinician's business hours
// (a thin layer over shared/rules/time-zones with the seed's date objects).
import { instantAt, localParts, offsetMinutes } from '../../shared/rules/time-zones';

export interface LocalDate {
  year: number;
  month: number; // 1-12
  day: number;
}

export interface LocalDateTime extends LocalDate {
  hour: number;
  minute: number;
  /** 0 = Sunday ... 6 = Saturday */
  weekday: number;
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Offset of the zone from UTC at that instant, in milliseconds (e.g. -7 h for Seattle in summer). */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  return offsetMinutes(new Date(epochMs), timeZone) * MINUTE_MS;
}

export function toLocal(epochMs: number, timeZone: string): LocalDateTime {
  const w = localParts(new Date(epochMs), timeZone);
  const weekday = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  return { year: w.year, month: w.month, day: w.day, hour: w.hour, minute: w.minute, weekday };
}

/** The instant at which the wall clock in timeZone shows date at minutesOfDay (minutes after local midnight). */
export function zonedToEpoch(date: LocalDate, minutesOfDay: number, timeZone: string): number {
  const day = addDays(date, Math.floor(minutesOfDay / 1440));
  const minutes = ((minutesOfDay % 1440) + 1440) % 1440;
  const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return instantAt(isoLocalDate(day), hhmm, timeZone).getTime();
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** Minutes after local midnight of an instant, in timeZone. */
export function localMinutes(epochMs: number, timeZone: string): number {
  const l = toLocal(epochMs, timeZone);
  return l.hour * 60 + l.minute;
}

/** 'YYYY-MM-DD' of an instant in UTC. */
export function isoDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

export function isoLocalDate(date: LocalDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}
