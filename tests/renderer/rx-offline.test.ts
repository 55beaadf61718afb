// Prescriptions through the device's data layer against a real server: a prescription signed offline is
// queued as a signed intent and shown as pending; the server re-checks it on arrival and a rejection lands in
// the conflicts list with its plain reason; an accepted one comes back with its delivery, and a failed
// delivery arrives as an inbox task the prescriber can mark done.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryConflicts, queryInboxTasks, queryPatientChart, queryPrescriptionsForAppointment } from '../../renderer/data/queries';
import type { RxSignArgs } from '../../shared/sync/mutations';
import type { TestServer } from './support/server';
import { startTestServer } from './support/server';
import type { TestDevice } from './support/devices';
import { openDevice } from './support/devices';
import { statusOf } from './support/inspect';
import { conflictView } from '../../renderer/features/sync-status/conflict-view';

describe('prescriptions on the device', () => {
  let server: TestServer;
  let device: TestDevice;
  const sql = <T>(text: string, params: unknown[] = []) => server.db().query<T>(text, params).then((r) => r.rows);
  const args = (rxcui: string): RxSignArgs => ({
    prescriptionId: crypto.randomUUID(), patientId: server.clinic.ownPatientId, appointmentId: server.clinic.ownAppointmentId, supersedesId: null, overrides: [],
    order: { rxcui, sig: { dose: '1 tablet', route: 'oral', frequency: 'once daily', durationDays: 30 }, quantity: 30, quantityUnit: 'tablet', refills: 0, daysSupply: 30, substitutionAllowed: true, pharmacyNote: '' },
  });
  beforeAll(async () => {
    server = await startTestServer();
    device = await openDevice(server, server.clinic.emails.clinician);
    await device.layer.leadership;
    await device.layer.sync();
  });
  afterAll(async () => {
    await device.close();
    await server.close();
  });

  it('signed offline, rejected by the server on arrival: the reason is shown in the conflicts list and nothing is written', async () => {
    device.network.online = false;
    const rx = args('197361');
    await device.layer.actions.queueMutation('rx.sign', rx);
    const pending = await queryPrescriptionsForAppointment(device.layer.core, server.clinic.ownAppointmentId);
    expect(pending).toEqual([expect.objectContaining({ id: rx.prescriptionId, drugName: 'Amlodipine 5 MG Oral Tablet', status: 'active', pending: true, delivery: null })]);
    expect(await statusOf(device.layer)).toMatchObject({ pendingCount: 1, allSynced: false });

    // Meanwhile the patient moved to a state where the prescriber holds no license.
    await sql(`UPDATE patients SET location_state = 'OR' WHERE id = $1`, [server.clinic.ownPatientId]);
    device.network.online = true;
    await device.layer.sync();
    await sql(`UPDATE patients SET location_state = 'WA' WHERE id = $1`, [server.clinic.ownPatientId]);

    const conflicts = await queryConflicts(device.layer.core);
    expect(conflicts).toEqual([expect.objectContaining({
      name: 'rx.sign', reason: 'rule_violation', message: 'The safety checks do not allow signing: 1 hard stop (licensure).', mine: expect.objectContaining({ prescriptionId: rx.prescriptionId }),
    })]);
    expect(conflictView(conflicts[0]!, () => 'Zelphira Quimbleton')).toMatchObject({
      title: 'Prescription for Zelphira Quimbleton: not signed',
      mine: { lines: expect.arrayContaining([{ label: 'Drug', value: 'Amlodipine 5 MG Oral Tablet' }]) },
    });
    expect(await queryPrescriptionsForAppointment(device.layer.core, server.clinic.ownAppointmentId)).toEqual([]);
    expect(await sql('SELECT id FROM prescriptions WHERE id = $1', [rx.prescriptionId])).toEqual([]);
    expect(await statusOf(device.layer)).toMatchObject({ pendingCount: 0, conflictCount: 1 });
    await device.layer.actions.resolveConflict(conflicts[0]!.id, 'discard');
  });

  it('refuses before queueing what it can tell: a controlled substance, an unknown code', async () => {
    await expect(device.layer.actions.queueMutation('rx.sign', args('308047'))).rejects.toMatchObject({ code: 'refused', message: expect.stringMatching(/signed online/) });
    await expect(device.layer.actions.queueMutation('rx.sign', args('9999999'))).rejects.toMatchObject({ code: 'refused' });
    await expect(device.layer.actions.queueMutation('rx.sign', { ...args('197361'), order: { ...args('197361').order, quantity: 0 } })).rejects.toMatchObject({ code: 'invalid' });
    expect(await device.layer.core.db.outbox.count()).toBe(0);
  });

  it('accepted: comes back with its delivery; a failed delivery lands in the inbox and can be marked done', async () => {
    const rx = args('197361');
    await device.layer.actions.queueMutation('rx.sign', rx);
    await device.layer.sync();
    const chart = await queryPatientChart(device.layer.core, server.clinic.ownPatientId);
    expect(chart?.prescriptions).toEqual([expect.objectContaining({ id: rx.prescriptionId, pending: false, delivery: expect.objectContaining({ status: 'pharmacy_fill' }) })]);

    const [delivery] = await sql<{ id: string }>('SELECT id FROM deliveries WHERE prescription_id = $1', [rx.prescriptionId]);
    await sql(`UPDATE deliveries SET status = 'failed', failure_reason = 'refused', version = version + 1 WHERE id = $1`, [delivery!.id]);
    await sql(`INSERT INTO inbox_tasks (id, user_id, patient_id, kind, prescription_id, delivery_id, status) VALUES ($1, $2, $3, 'delivery_failed', $4, $5, 'open')`,
      [crypto.randomUUID(), server.clinic.users.clinician, server.clinic.ownPatientId, rx.prescriptionId, delivery!.id]);
    const { recordChange } = await import('../../server/sync/change-log');
    await server.db().transaction(async (tx) => {
      await recordChange(tx, 'prescription', rx.prescriptionId);
      const [task] = (await tx.query<{ id: string }>('SELECT id FROM inbox_tasks WHERE prescription_id = $1', [rx.prescriptionId])).rows;
      await recordChange(tx, 'task', task!.id);
    });
    await device.layer.sync();
    const tasks = await queryInboxTasks(device.layer.core);
    expect(tasks).toEqual([expect.objectContaining({ kind: 'delivery_failed', status: 'open', title: 'Delivery failed (refused): Amlodipine 5 MG Oral Tablet' })]);
    expect((await queryPatientChart(device.layer.core, server.clinic.ownPatientId))?.prescriptions[0]?.delivery).toMatchObject({ status: 'failed', failureReason: 'refused' });

    await device.layer.actions.queueMutation('task.complete', { taskId: tasks[0]!.id });
    expect((await queryInboxTasks(device.layer.core))[0]).toMatchObject({ status: 'done', pending: true });
    await device.layer.sync();
    expect(await sql('SELECT status FROM inbox_tasks WHERE id = $1', [tasks[0]!.id])).toEqual([{ status: 'done' }]);
    expect(await statusOf(device.layer)).toMatchObject({ pendingCount: 0, conflictCount: 0 });
  });
});
