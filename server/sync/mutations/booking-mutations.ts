// Booking and rescheduling a clinician's own visits. Checked by shared/rules/booking on the server's state
// while holding a per-clinician advisory lock, so two concurrent bookings of one slot cannot both win.
import type { Queryable } from '../../db/database';
import type { MutationHandler, MutationOutcome } from './types';
import { reject } from './types';
import type { AppointmentStatus } from '../../../shared/domain/appointment';
import type { UsState } from '../../../shared/domain/states';
import type { BookedSpan, BookingCheck } from '../../../shared/rules/booking';
import { checkBooking } from '../../../shared/rules/booking';
import { canSeePatient } from '../../auth/patient-access';
import { loadLicenses } from '../../queue/queue-scope';
import type { LoadedEntity } from '../entity-sources';
import { loadEntity } from '../entity-sources';
import { recordChange } from '../change-log';

/** Advisory lock class for "this clinician's schedule" (the second key is a hash of the clinician id). */
const SCHEDULE_LOCK_CLASS = 727_004;

/** Serialises every booking change of one clinician until the transaction ends. */
export async function lockClinicianSchedule(tx: Queryable, clinicianId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [SCHEDULE_LOCK_CLASS, clinicianId]);
}

/** The clinician's visits that could overlap [startsAt, endsAt) (read after taking the lock). */
async function nearbyVisits(tx: Queryable, clinicianId: string, startsAt: string, endsAt: string): Promise<BookedSpan[]> {
  const { rows } = await tx.query<{ id: string; starts_at: Date | string; ends_at: Date | string; status: AppointmentStatus }>(
    `SELECT id, starts_at, ends_at, status FROM appointments
      WHERE clinician_id = $1 AND starts_at < $3::timestamptz AND ends_at > $2::timestamptz`, [clinicianId, startsAt, endsAt]);
  const iso = (v: Date | string) => new Date(v).toISOString();
  return rows.map((r) => ({ id: r.id, startsAt: iso(r.starts_at), endsAt: iso(r.ends_at), status: r.status }));
}

function refused(check: Exclude<BookingCheck, { ok: true }>, patientId: string | null, current: LoadedEntity | null = null): MutationOutcome {
  return reject(check.code === 'unlicensed' ? 'forbidden' : 'rule_violation', check.message, current?.state ?? null, patientId);
}

export const bookAppointment: MutationHandler<'appointment.book'> = {
  name: 'appointment.book',
  roles: ['clinician'],
  async apply({ tx, principal }, args) {
    if (!(await canSeePatient(tx, principal, args.patientId))) return reject('forbidden', 'You do not have access to this patient.');
    const existing = await tx.query('SELECT 1 FROM appointments WHERE id = $1', [args.appointmentId]);
    if (existing.rows.length > 0) return reject('rule_violation', 'An appointment with this id already exists.', null, args.patientId);
    await lockClinicianSchedule(tx, principal.userId);
    const { rows } = await tx.query<{ location_state: string }>('SELECT location_state FROM patients WHERE id = $1', [args.patientId]);
    const patientState = (rows[0]?.location_state.trim() ?? null) as UsState | null;
    const check = checkBooking({
      candidate: { id: args.appointmentId, startsAt: args.startsAt, endsAt: args.endsAt }, kind: args.kind,
      licenses: await loadLicenses(tx, principal.userId), patientState,
      existing: await nearbyVisits(tx, principal.userId, args.startsAt, args.endsAt),
    });
    if (!check.ok) return refused(check, args.patientId);
    await tx.query(
      `INSERT INTO appointments (id, patient_id, clinician_id, kind, status, starts_at, ends_at, reason)
       VALUES ($1, $2, $3, $4, 'booked', $5, $6, $7)`,
      [args.appointmentId, args.patientId, principal.userId, args.kind, args.startsAt, args.endsAt, args.reason]);
    return { status: 'applied', state: await recordChange(tx, 'appointment', args.appointmentId), patientId: args.patientId };
  },
};

export const rescheduleAppointment: MutationHandler<'appointment.reschedule'> = {
  name: 'appointment.reschedule',
  roles: ['clinician'],
  async apply({ tx, principal }, { appointmentId, startsAt, endsAt }) {
    await lockClinicianSchedule(tx, principal.userId);
    const { rows } = await tx.query<{ clinician_id: string; patient_id: string; kind: 'video' | 'home' | 'clinic'; status: AppointmentStatus; location_state: string }>(
      `SELECT a.clinician_id, a.patient_id, a.kind, a.status, p.location_state FROM appointments a JOIN patients p ON p.id = a.patient_id
        WHERE a.id = $1 FOR UPDATE OF a`, [appointmentId]);
    const row = rows[0];
    if (!row || row.clinician_id !== principal.userId) return reject('not_found', 'This appointment is not on your schedule.');
    const current = await loadEntity(tx, 'appointment', appointmentId);
    if (row.status !== 'booked') return reject('rule_violation', 'Only a booked visit can be rescheduled.', current?.state ?? null, row.patient_id);
    const check = checkBooking({
      candidate: { id: appointmentId, startsAt, endsAt }, kind: row.kind, licenses: await loadLicenses(tx, principal.userId),
      patientState: row.location_state.trim() as UsState, existing: await nearbyVisits(tx, principal.userId, startsAt, endsAt),
    });
    if (!check.ok) return refused(check, row.patient_id, current);
    await tx.query('UPDATE appointments SET starts_at = $2, ends_at = $3, version = version + 1 WHERE id = $1', [appointmentId, startsAt, endsAt]);
    return { status: 'applied', state: await recordChange(tx, 'appointment', appointmentId), patientId: row.patient_id };
  },
};
