// Booking and rescheduling rules, checked by the device on its cache first and by the server on its own
// state under a lock: a real time span, no double-booking of one clinician, and a license where the patient
// is for video and home visits. Messages are plain and PHI-free.
import type { AppointmentStatus } from '../domain/appointment';
import type { StateLicense } from '../domain/user';
import type { UsState } from '../domain/states';
import { checkLicensure } from './licensure';

export type BookingCheck = { ok: true } | { ok: false; code: 'bad_times' | 'double_booked' | 'unlicensed'; message: string };

/** The longest visit that can be booked in one appointment. */
export const MAX_APPOINTMENT_MINUTES = 8 * 60;

/** Statuses that hold the clinician's time (finished, missed and cancelled visits free it). */
export const TIME_HOLDING_STATUSES: readonly AppointmentStatus[] = ['booked', 'checked_in', 'in_progress'];

export function checkBookingTimes(startsAt: string, endsAt: string): BookingCheck {
  const start = Date.parse(startsAt);
  const end = Date.parse(endsAt);
  if (Number.isNaN(start) || Number.isNaN(end)) return { ok: false, code: 'bad_times', message: 'The start and end must be valid times.' };
  if (end < start) return { ok: false, code: 'bad_times', message: 'The visit ends before it starts.' };
  if (end === start) return { ok: false, code: 'bad_times', message: 'The visit has no length: the end must be after the start.' };
  if (end - start > MAX_APPOINTMENT_MINUTES * 60_000) return { ok: false, code: 'bad_times', message: `A visit can be at most ${MAX_APPOINTMENT_MINUTES / 60} hours long.` };
  return { ok: true };
}

export interface BookedSpan {
  id: string;
  startsAt: string;
  endsAt: string;
  status: AppointmentStatus;
}

/** Half-open spans [start, end) overlap when each starts before the other ends (back-to-back is fine). */
export function spansOverlap(a: Pick<BookedSpan, 'startsAt' | 'endsAt'>, b: Pick<BookedSpan, 'startsAt' | 'endsAt'>): boolean {
  return Date.parse(a.startsAt) < Date.parse(b.endsAt) && Date.parse(b.startsAt) < Date.parse(a.endsAt);
}

/** The first of the clinician's other visits that still hold time and overlap the candidate, if any. */
export function findOverlap(candidate: Pick<BookedSpan, 'id' | 'startsAt' | 'endsAt'>, existing: readonly BookedSpan[]): BookedSpan | null {
  return existing.find((e) => e.id !== candidate.id && TIME_HOLDING_STATUSES.includes(e.status) && spansOverlap(candidate, e)) ?? null;
}

export function checkNoOverlap(candidate: Pick<BookedSpan, 'id' | 'startsAt' | 'endsAt'>, existing: readonly BookedSpan[]): BookingCheck {
  const clash = findOverlap(candidate, existing);
  return clash ? { ok: false, code: 'double_booked', message: 'You already have a visit at that time; choose another time.' } : { ok: true };
}

/** Video and home visits need an active license where the patient is located at the visit's start. */
export function checkBookingLicensure(kind: 'video' | 'home' | 'clinic', licenses: readonly StateLicense[], patientState: UsState | null, startsAt: string): BookingCheck {
  if (kind === 'clinic') return { ok: true };
  const result = checkLicensure(licenses, patientState, new Date(startsAt));
  return result.eligible ? { ok: true } : { ok: false, code: 'unlicensed', message: result.message };
}

/** All booking checks in order: times, licensure, overlap. */
export function checkBooking(input: {
  candidate: Pick<BookedSpan, 'id' | 'startsAt' | 'endsAt'>;
  kind: 'video' | 'home' | 'clinic';
  licenses: readonly StateLicense[];
  patientState: UsState | null;
  existing: readonly BookedSpan[];
}): BookingCheck {
  const times = checkBookingTimes(input.candidate.startsAt, input.candidate.endsAt);
  if (!times.ok) return times;
  const license = checkBookingLicensure(input.kind, input.licenses, input.patientState, input.candidate.startsAt);
  if (!license.ok) return license;
  return checkNoOverlap(input.candidate, input.existing);
}
