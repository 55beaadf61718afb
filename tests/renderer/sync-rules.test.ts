// What the server's answers do to the device: replays are applied once, order is kept, refused changes land
// in the conflicts list (with both versions where the server may show them) without blocking the queue,
// and a person can keep theirs or discard. Losing access to a patient removes the patient from the device.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoteSections } from '../../shared/domain/note';
import { recordChange } from '../../server/sync/change-log';
import { queueMutation } from '../../renderer/data/outbox';
import { queryConflicts, queryNote, queryPatientChart } from '../../renderer/data/queries';
import { createSyncApi } from '../../renderer/platform/sync-api';
import { send } from '../../renderer/platform/http';
import { setServerBaseUrl } from '../../renderer/platform/server-url';
import { pullAll } from '../../renderer/sync/pull-loop';
import { DataError } from '../../renderer/data/errors';
import type { TestServer } from './support/server';
import { startTestServer } from './support/server';
import type { TestDevice } from './support/devices';
import { openDevice, signInTokens } from './support/devices';
import { statusOf } from './support/inspect';

async function until(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const sections = (subjective: string): NoteSections => ({ subjective, objective: '', assessment: '', plan: '' });

describe('server answers on the device', () => {
  let server: TestServer;
  const devices: TestDevice[] = [];
  const open = async (email?: string) => {
    const device = await openDevice(server, email ?? server.clinic.emails.clinician);
    devices.push(device);
    await device.layer.leadership;
    await device.layer.sync();
    return device;
  };
  const sql = <T>(text: string, params: unknown[] = []) => server.db().query<T>(text, params).then((r) => r.rows);
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    for (const d of devices) await d.close();
    await server.close();
  });

  it('the same batch pushed twice is applied once; the second answer says duplicate', async () => {
    setServerBaseUrl(server.baseUrl);
    const { accessToken } = await signInTokens(server, server.clinic.emails.clinician);
    const api = createSyncApi(({ auth: _auth, ...rest }) => send({ ...rest, bearer: accessToken }));
    const [before] = await sql<{ version: number }>('SELECT version FROM patients WHERE id = $1', [server.clinic.ownPatientId]);
    const request = {
      clientId: 'replay-test-client',
      mutations: [{ mutationId: crypto.randomUUID(), seq: 1, name: 'patient.updateContact', args: { patientId: server.clinic.ownPatientId, fields: { email: 'z.q@example.test' } } }],
    };
    const first = await api.push(request);
    const second = await api.push(request);
    expect(first.ok && first.value.results[0]).toMatchObject({ status: 'applied', duplicate: false });
    expect(second.ok && second.value.results[0]).toMatchObject({ status: 'applied', duplicate: true });
    const [after] = await sql<{ version: number }>('SELECT version FROM patients WHERE id = $1', [server.clinic.ownPatientId]);
    expect(after!.version).toBe(before!.version + 1);
    expect(await sql('SELECT 1 FROM applied_mutations WHERE mutation_id = $1', [request.mutations[0]!.mutationId])).toHaveLength(1);
  });

  it('an answer lost on the way back is asked for again and the change is still applied once', async () => {
    const device = await open();
    const noteId = crypto.randomUUID();
    device.network.loseNextPushAnswers = 1;
    await device.layer.actions.saveNoteDraft({ noteId, patientId: server.clinic.ownPatientId, appointmentId: null, sections: sections('lost answer') });
    await until(async () => device.network.loseNextPushAnswers === 0 && (await device.layer.core.db.outbox.count()) === 0);
    expect(await sql('SELECT version FROM note_versions WHERE note_id = $1', [noteId])).toEqual([{ version: 1 }]);
    expect(await queryNote(device.layer.core, noteId)).toMatchObject({ version: 1, pending: false });
  });

  it('changes queued offline reach the server in the order they were made', async () => {
    const device = await open();
    device.network.online = false;
    const appointmentId = server.clinic.ownAppointmentId;
    for (const status of ['checked_in', 'in_progress', 'completed'] as const) {
      await device.layer.actions.queueMutation('appointment.setStatus', { appointmentId, status });
    }
    expect((await queryPatientChart(device.layer.core, server.clinic.ownPatientId))?.appointments[0]).toMatchObject({ status: 'completed', pending: true });
    device.network.online = true;
    await device.layer.sync();
    expect(await sql('SELECT status, version FROM appointments WHERE id = $1', [appointmentId])).toEqual([{ status: 'completed', version: 4 }]);
    expect(await statusOf(device.layer)).toMatchObject({ pendingCount: 0, conflictCount: 0, allSynced: true });
  });

  it('the device refuses what it can tell is wrong before queueing it', async () => {
    const device = await open();
    const attempt = device.layer.actions.queueMutation('patient.updateContact', { patientId: server.clinic.ownPatientId, fields: { phone: 'not a phone' } });
    await expect(attempt).rejects.toMatchObject({ code: 'invalid', message: 'The change is not valid: check fields.phone.' });
    await expect(attempt).rejects.toBeInstanceOf(DataError);
    const done = device.layer.actions.queueMutation('appointment.setStatus', { appointmentId: server.clinic.ownAppointmentId, status: 'checked_in' });
    await expect(done).rejects.toMatchObject({ code: 'refused' }); // it is completed already
    expect(await device.layer.core.db.outbox.count()).toBe(0);
  });

  it('refused changes go to the conflicts list without blocking the ones behind them', async () => {
    const device = await open();
    const core = device.layer.core;
    device.network.online = false;
    await queueMutation(core, 'patient.updateContact', { patientId: server.clinic.ownPatientId, fields: { phone: '12' } }, { raw: true }); // e.g. from an older app version
    await queueMutation(core, 'patient.teleport', { patientId: server.clinic.ownPatientId }, { raw: true });
    await device.layer.actions.queueMutation('patient.updateContact', { patientId: server.clinic.otherPatientId, fields: { phone: '206-555-0111' } });
    await device.layer.actions.queueMutation('patient.updateContact', { patientId: server.clinic.ownPatientId, fields: { addressLine: '200 Cedar Ave' } });
    device.network.online = true;
    await device.layer.sync();

    const conflicts = await queryConflicts(core);
    expect(conflicts.map((c) => c.reason)).toEqual(['invalid_args', 'unknown_mutation', 'forbidden']);
    expect(conflicts[2]).toMatchObject({ name: 'patient.updateContact', theirs: null, mine: { patientId: server.clinic.otherPatientId, fields: { phone: '206-555-0111' } } });
    expect(conflicts.every((c) => c.message.length > 0)).toBe(true);
    const [patient] = await sql<{ address_line: string; phone: string }>('SELECT address_line, phone FROM patients WHERE id = $1', [server.clinic.ownPatientId]);
    expect(patient!.address_line).toBe('200 Cedar Ave');
    expect(patient!.phone).not.toBe('12');
    const chart = await queryPatientChart(core, server.clinic.ownPatientId);
    expect(chart?.patient).toMatchObject({ address: expect.objectContaining({ line: '200 Cedar Ave' }), phone: patient!.phone, pending: false });
    expect(await statusOf(device.layer)).toMatchObject({ pendingCount: 0, conflictCount: 3, allSynced: false });

    for (const c of conflicts) await device.layer.actions.resolveConflict(c.id, 'discard');
    expect(await statusOf(device.layer)).toMatchObject({ conflictCount: 0, allSynced: true });
  });

  it('a stale note save becomes a conflict showing both versions; keep-mine makes mine the newest version', async () => {
    const a = await open();
    const b = await open();
    const noteId = crypto.randomUUID();
    const base = { noteId, patientId: server.clinic.ownPatientId, appointmentId: server.clinic.ownAppointmentId };
    await a.layer.actions.saveNoteDraft({ ...base, sections: sections('first words') });
    await a.layer.sync();
    await b.layer.sync();
    expect(await queryNote(b.layer.core, noteId)).toMatchObject({ version: 1 });

    b.network.online = false;
    await b.layer.actions.saveNoteDraft({ ...base, sections: sections('typed on the laptop, offline') });
    await a.layer.actions.saveNoteDraft({ ...base, sections: sections('typed on the desktop') });
    await a.layer.sync();
    b.network.online = true;
    await b.layer.sync();

    const [conflict] = await queryConflicts(b.layer.core);
    expect(conflict).toMatchObject({ reason: 'stale_version', name: 'note.saveDraft' });
    expect((conflict!.mine as { sections: NoteSections }).sections.subjective).toBe('typed on the laptop, offline');
    expect(conflict!.theirs).toMatchObject({ entity: 'note', id: noteId, version: 2, data: expect.objectContaining({ sections: sections('typed on the desktop') }) });
    expect(await queryNote(b.layer.core, noteId)).toMatchObject({ version: 2, pending: false, sections: sections('typed on the desktop') });
    expect(await sql('SELECT kind, version, sections FROM note_versions WHERE note_id = $1 ORDER BY id', [noteId])).toEqual([
      { kind: 'saved', version: 1, sections: sections('first words') },
      { kind: 'saved', version: 2, sections: sections('typed on the desktop') },
      { kind: 'conflict', version: 1, sections: sections('typed on the laptop, offline') },
    ]);

    await b.layer.actions.resolveConflict(conflict!.id, 'keep-mine');
    await b.layer.sync();
    await a.layer.sync();
    expect(await sql('SELECT version, sections FROM encounter_notes WHERE id = $1', [noteId])).toEqual([{ version: 3, sections: sections('typed on the laptop, offline') }]);
    expect(await queryNote(a.layer.core, noteId)).toMatchObject({ version: 3, sections: sections('typed on the laptop, offline') });
    expect(await statusOf(b.layer)).toMatchObject({ conflictCount: 0, pendingCount: 0 });
  });

  it('a status change the server refuses restores the server state, and discard clears the conflict', async () => {
    const device = await open();
    const appointmentId = server.clinic.ownAppointmentId;
    await server.db().transaction(async (tx) => {
      await tx.query(`UPDATE appointments SET status = 'booked', version = version + 1 WHERE id = $1`, [appointmentId]);
      await recordChange(tx, 'appointment', appointmentId);
    });
    await device.layer.sync();
    device.network.online = false;
    await device.layer.actions.queueMutation('appointment.setStatus', { appointmentId, status: 'checked_in' });
    await server.db().transaction(async (tx) => {
      await tx.query(`UPDATE appointments SET status = 'cancelled', version = version + 1 WHERE id = $1`, [appointmentId]);
      await recordChange(tx, 'appointment', appointmentId);
    });
    device.network.online = true;
    await device.layer.sync();
    const [conflict] = await queryConflicts(device.layer.core);
    expect(conflict).toMatchObject({ reason: 'rule_violation', mine: { appointmentId, status: 'checked_in' }, theirs: expect.objectContaining({ data: expect.objectContaining({ status: 'cancelled' }) }) });
    expect((await queryPatientChart(device.layer.core, server.clinic.ownPatientId))?.appointments[0]).toMatchObject({ status: 'cancelled', pending: false });
    await device.layer.actions.resolveConflict(conflict!.id, 'discard');
    expect(await queryConflicts(device.layer.core)).toEqual([]);
  });

  it("losing access to a patient removes the patient's rows; unsent changes for them are kept as conflicts", async () => {
    const device = await open();
    const patientId = server.clinic.ownPatientId;
    expect(await queryPatientChart(device.layer.core, patientId)).not.toBeNull();
    expect(Object.keys((await device.layer.core.db.charts.get(patientId))?.members ?? {}).some((ek) => ek.startsWith('allergy:'))).toBe(true);
    device.network.online = false;
    await device.layer.actions.saveNoteDraft({ noteId: crypto.randomUUID(), patientId, appointmentId: null, sections: sections('unsent words') });
    await server.revokeAccess(server.clinic.users.clinician, patientId);
    device.network.online = true;
    // Pull before the push (as happens when access ends while a change waits behind a failing one).
    await pullAll(device.layer.core, device.api, 1000, new AbortController().signal, () => undefined);
    const db = device.layer.core.db;
    expect(await db.charts.get(patientId)).toBeUndefined(); // the patient's group (patient, allergies and the rest) is gone
    for (const table of [db.appointments, db.notes]) expect(await table.where('patientId').equals(patientId).count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    const [conflict] = await queryConflicts(device.layer.core);
    expect(conflict).toMatchObject({ reason: 'forbidden', name: 'note.saveDraft' });
    expect((conflict!.mine as { sections: NoteSections }).sections.subjective).toBe('unsent words');
  });
});
