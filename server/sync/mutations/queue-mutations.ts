// Taking an on-demand queue request: compare-and-set on its version under a row lock, so of two clinicians
// only the first wins; the other is told who took it. The taker must be licensed where the patient is now
// (shared/rules/queue), joins the patient's care team (so the chart syncs) and gets an in-progress video visit.
import type { MutationHandler } from './types';
import { reject } from './types';
import type { QueueStatus } from '../../../shared/domain/queue';
import type { UsState } from '../../../shared/domain/states';
import { checkQueueEligibility } from '../../../shared/rules/queue';
import { loadLicenses } from '../../queue/queue-scope';
import { loadEntity } from '../entity-sources';
import { recordAccessChange, recordChange } from '../change-log';
import { lockClinicianSchedule } from './booking-mutations';

/** How long the video visit created by a take is booked for (it runs until the clinician completes it). */
export const QUEUE_VISIT_MINUTES = 20;

export const takeQueueRequest: MutationHandler<'queue.take'> = {
  name: 'queue.take',
  roles: ['clinician'],
  async apply({ tx, principal, baseVersion, now }, { requestId, appointmentId }) {
    // Lock the row alone: a join read while waiting for the lock would show the taker as it was before.
    const { rows } = await tx.query<{ patient_id: string; status: QueueStatus; version: number; location_state: string; reason: string }>(
      'SELECT patient_id, status, version, location_state, reason FROM queue_requests WHERE id = $1 FOR UPDATE', [requestId]);
    const row = rows[0];
    if (!row) return reject('not_found', 'This queue request no longer exists.');
    const current = async () => (await loadEntity(tx, 'queue', requestId))?.state ?? null;
    if (row.status === 'taken') {
      const state = await current();
      const taker = typeof state?.data?.takenByName === 'string' ? state.data.takenByName : 'another clinician';
      return reject('stale_version', `This patient was already taken by ${taker}.`, state, row.patient_id);
    }
    if (row.status !== 'waiting') return reject('rule_violation', 'This request was cancelled.', await current(), row.patient_id);
    if (baseVersion !== undefined && baseVersion !== row.version) {
      return reject('stale_version', 'This request changed since you saw it; look at the queue again.', await current(), row.patient_id);
    }
    const eligibility = checkQueueEligibility(await loadLicenses(tx, principal.userId), { status: row.status, locationState: row.location_state.trim() as UsState }, now);
    if (!eligibility.eligible) return reject('forbidden', eligibility.message, null, row.patient_id);

    // The visit first (the request refers to it); the row lock above makes this take the only one.
    await lockClinicianSchedule(tx, principal.userId);
    await tx.query(
      `INSERT INTO appointments (id, patient_id, clinician_id, kind, status, starts_at, ends_at, reason)
       VALUES ($1, $2, $3, 'video', 'in_progress', $4, $5, $6)`,
      [appointmentId, row.patient_id, principal.userId, now, new Date(now.getTime() + QUEUE_VISIT_MINUTES * 60_000), row.reason]);
    const taken = await tx.query(
      `UPDATE queue_requests SET status = 'taken', taken_by = $2, taken_at = $3, appointment_id = $4, version = version + 1
        WHERE id = $1 AND version = $5 AND status = 'waiting'`, [requestId, principal.userId, now, appointmentId, row.version]);
    if (taken.rowCount === 0) return reject('stale_version', 'This patient was just taken by another clinician.', await current(), row.patient_id);
    const joined = await tx.query(
      `INSERT INTO care_team (patient_id, user_id, relation) VALUES ($1, $2, 'consulting') ON CONFLICT (patient_id, user_id) DO NOTHING`,
      [row.patient_id, principal.userId]);
    if (joined.rowCount !== 0) await recordAccessChange(tx, principal.userId, row.patient_id, true);
    await recordChange(tx, 'appointment', appointmentId);
    return { status: 'applied', state: await recordChange(tx, 'queue', requestId), patientId: row.patient_id };
  },
};
