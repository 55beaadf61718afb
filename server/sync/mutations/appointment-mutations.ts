// Appointment status changes by the appointment's clinician, checked by the status state machine against
// the server's current status (so an offline "check in" of a visit cancelled meanwhile is refused).
import type { MutationHandler } from './types';
import { reject } from './types';
import { checkStatusTransition } from '../../../shared/rules/appointment-status';
import type { AppointmentStatus } from '../../../shared/domain/appointment';
import { loadEntity } from '../entity-sources';
import { recordChange } from '../change-log';

export const setAppointmentStatus: MutationHandler<'appointment.setStatus'> = {
  name: 'appointment.setStatus',
  roles: ['clinician'],
  async apply({ tx, principal, now }, { appointmentId, status }) {
    const { rows } = await tx.query<{ status: AppointmentStatus; clinician_id: string; patient_id: string }>(
      'SELECT status, clinician_id, patient_id FROM appointments WHERE id = $1 FOR UPDATE', [appointmentId]);
    const row = rows[0];
    if (!row || row.clinician_id !== principal.userId) return reject('not_found', 'This appointment is not on your schedule.');
    const check = checkStatusTransition(row.status, status);
    if (!check.ok) {
      const current = await loadEntity(tx, 'appointment', appointmentId);
      return reject('rule_violation', check.message, current?.state ?? null, row.patient_id);
    }
    await tx.query(
      `UPDATE appointments SET status = $2, version = version + 1, checked_in_at = CASE WHEN $2 = 'checked_in' THEN $3::timestamptz ELSE checked_in_at END
        WHERE id = $1`, [appointmentId, status, now]);
    return { status: 'applied', state: await recordChange(tx, 'appointment', appointmentId), patientId: row.patient_id };
  },
};
