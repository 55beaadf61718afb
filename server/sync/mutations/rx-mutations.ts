// Prescription events and inbox tasks from the outbox: rx.sign (re-validated here by the safety rules on the
// server's data; controlled substances are refused here, they are signed online with a second factor),
// rx.cancel, and task.complete by the task's owner.
import type { MutationHandler, MutationOutcome } from './types';
import { reject } from './types';
import { cancelPrescription, signPrescription } from '../../rx/prescription-service';
import type { RxOutcome } from '../../rx/prescription-service';
import { loadEntity } from '../entity-sources';
import { recordChange } from '../change-log';
import type { Queryable } from '../../db/database';

async function answer(tx: Queryable, out: RxOutcome, prescriptionId: string): Promise<MutationOutcome> {
  if (out.ok) return { status: 'applied', state: (await loadEntity(tx, 'prescription', prescriptionId))!.state, patientId: out.patientId };
  const current = out.patientId ? (await loadEntity(tx, 'prescription', prescriptionId))?.state ?? null : null;
  return reject(out.reason, out.message, current, out.patientId);
}

export const signRx: MutationHandler<'rx.sign'> = {
  name: 'rx.sign',
  roles: ['clinician'],
  async apply({ tx, principal, now }, args) {
    return answer(tx, await signPrescription(tx, principal, args, false, now), args.prescriptionId);
  },
};

export const cancelRx: MutationHandler<'rx.cancel'> = {
  name: 'rx.cancel',
  roles: ['clinician'],
  async apply({ tx, principal, now }, { prescriptionId, reason }) {
    return answer(tx, await cancelPrescription(tx, principal, prescriptionId, reason, now), prescriptionId);
  },
};

export const completeTask: MutationHandler<'task.complete'> = {
  name: 'task.complete',
  roles: ['clinician'],
  async apply({ tx, principal }, { taskId }) {
    const { rows } = await tx.query<{ user_id: string; patient_id: string; status: string }>('SELECT user_id, patient_id, status FROM inbox_tasks WHERE id = $1 FOR UPDATE', [taskId]);
    const row = rows[0];
    if (!row || row.user_id !== principal.userId) return reject('not_found', 'This task is not in your inbox.');
    if (row.status === 'done') return reject('rule_violation', 'This task is already done.', (await loadEntity(tx, 'task', taskId))?.state ?? null, row.patient_id);
    await tx.query(`UPDATE inbox_tasks SET status = 'done', version = version + 1 WHERE id = $1`, [taskId]);
    return { status: 'applied', state: await recordChange(tx, 'task', taskId), patientId: row.patient_id };
  },
};
