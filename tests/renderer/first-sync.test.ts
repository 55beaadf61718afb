// A signed-in workstation downloads its scope into the encrypted cache, shows it from there, and says
// honestly whether everything is synced.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveQuery } from 'dexie';
import { queryAppointmentsInRange, queryPatientChart, queryNoteForAppointment } from '../../renderer/data/queries';
import type { TestServer } from './support/server';
import { addPatients, startTestServer } from './support/server';
import { openDevice } from './support/devices';
import { signIn } from '../../renderer/platform/auth-api';
import { setServerBaseUrl } from '../../renderer/platform/server-url';
import { dataActions, flushBeforeSignOut, startDataLayer, stopDataLayer } from '../../renderer/data';
import { useActiveLayerStore } from '../../renderer/data/active-layer';
import { cacheDbName } from '../../renderer/data/schema';
import { TEST_PASSWORD } from '../server/support/fixtures';
import type { TestDevice } from './support/devices';
import { statusOf } from './support/inspect';

let sharedServer: Promise<TestServer> | null = null;
const startTestServerShared = () => (sharedServer ??= startTestServer());
afterAll(async () => {
  await (await sharedServer)?.close();
});

describe('first sync into the local cache', () => {
  let server: TestServer;
  let device: TestDevice;
  beforeAll(async () => {
    server = await startTestServerShared();
    await addPatients(server.db(), server.clinic.users.clinician, 5, new Date(Date.now() + 2 * 3600_000));
  });
  afterAll(async () => {
    await device?.close();
  });

  it('pulls the clinician scope (and nothing else), reporting progress, then reports all synced', async () => {
    device = await openDevice(server, server.clinic.emails.clinician, { engine: { pullLimit: 4 } });
    const phases: string[] = [];
    const progress: Array<{ done: number; total: number }> = [];
    const unsubscribe = device.layer.core.status.subscribe((s) => {
      phases.push(s.phase);
      if (s.progress) progress.push(s.progress);
    });
    await device.layer.leadership;
    const round = await device.layer.sync();
    unsubscribe();
    expect(round?.ok).toBe(true);
    expect(phases).toContain('first-sync');
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);

    const core = device.layer.core;
    const chart = await queryPatientChart(core, server.clinic.ownPatientId);
    expect(chart?.patient).toMatchObject({ givenName: 'Zelphira', familyName: 'Quimbleton', birthDate: '1980-04-02', pending: false });
    expect(chart?.allergies).toEqual([expect.objectContaining({ substance: 'Penicillin', reaction: 'Hives' })]);
    expect(chart?.appointments.map((a) => a.id)).toEqual([server.clinic.ownAppointmentId]);
    expect(await queryPatientChart(core, server.clinic.otherPatientId)).toBeNull();

    const day = await queryAppointmentsInRange(core, new Date(Date.now() - 3600_000).toISOString(), new Date(Date.now() + 24 * 3600_000).toISOString(), device.userId);
    expect(day).toHaveLength(6);
    expect(day[0]!.id).toBe(server.clinic.ownAppointmentId); // earliest first
    expect(day.map((a) => a.startsAt)).toEqual([...day.map((a) => a.startsAt)].sort());

    const status = await statusOf(device.layer);
    expect(status).toMatchObject({ online: true, phase: 'idle', pendingCount: 0, conflictCount: 0, allSynced: true, progress: null });
  });

  it('live queries update when a local change is queued, and the status stops claiming "synced" until it is acknowledged', async () => {
    const core = device.layer.core;
    const seen: Array<string | undefined> = [];
    const subscription = liveQuery(() => queryPatientChart(core, server.clinic.ownPatientId)).subscribe((chart) => seen.push(chart?.patient.phone ?? undefined));
    await waitFor(() => seen.length >= 1);
    device.network.online = false;
    await device.layer.actions.queueMutation('patient.updateContact', { patientId: server.clinic.ownPatientId, fields: { phone: '206-555-0199' } });
    await waitFor(() => seen.includes('206-555-0199'));
    const chart = await queryPatientChart(core, server.clinic.ownPatientId);
    expect(chart?.patient).toMatchObject({ phone: '206-555-0199', pending: true });
    await device.layer.sync();
    expect(await statusOf(device.layer)).toMatchObject({ online: false, pendingCount: 1, allSynced: false, lastError: 'The care server cannot be reached.' });

    device.network.online = true;
    await device.layer.sync();
    subscription.unsubscribe();
    expect((await queryPatientChart(core, server.clinic.ownPatientId))?.patient).toMatchObject({ phone: '206-555-0199', pending: false });
    expect(await statusOf(device.layer)).toMatchObject({ online: true, pendingCount: 0, allSynced: true, lastError: null });
    const row = await server.db().query<{ phone: string }>('SELECT phone FROM patients WHERE id = $1', [server.clinic.ownPatientId]);
    expect(row.rows[0]!.phone).toBe('206-555-0199');
  });

  it('a note draft saved on every keystroke offline queues at most two changes (one may already be on its way), found by its appointment', async () => {
    const noteId = crypto.randomUUID();
    device.network.online = false;
    const base = { noteId, patientId: server.clinic.ownPatientId, appointmentId: server.clinic.ownAppointmentId };
    let text = '';
    for (const ch of 'Sore throat x3d') {
      text += ch;
      await device.layer.actions.saveNoteDraft({ ...base, sections: { subjective: text, objective: '', assessment: '', plan: '' } });
    }
    expect(await device.layer.core.db.outbox.count()).toBeLessThanOrEqual(2);
    const note = await queryNoteForAppointment(device.layer.core, server.clinic.ownAppointmentId);
    expect(note).toMatchObject({ id: noteId, status: 'draft', version: 0, pending: true, authorId: device.userId });
    expect(note?.sections.subjective).toBe('Sore throat x3d');
    device.network.online = true;
    await device.layer.sync();
    const saved = await server.db().query<{ version: number; sections: { subjective: string } }>('SELECT version, sections FROM encounter_notes WHERE id = $1', [noteId]);
    expect(saved.rows[0]!.sections.subjective).toBe('Sore throat x3d');
    expect(saved.rows[0]!.version).toBeLessThanOrEqual(2);
    const versions = await server.db().query<{ kind: string }>('SELECT kind FROM note_versions WHERE note_id = $1', [noteId]);
    expect(versions.rows.map((r) => r.kind)).toEqual(saved.rows[0]!.version === 1 ? ['saved'] : ['saved', 'saved']); // no self-conflict
    expect(await queryNoteForAppointment(device.layer.core, server.clinic.ownAppointmentId)).toMatchObject({ version: saved.rows[0]!.version, pending: false });
  });
});

describe('the session integration (startDataLayer / stopDataLayer) on the platform session', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServerShared();
  });

  it('sign-in starts the layer, features act through dataActions, sign-out flushes then deletes the cache and key', async () => {
    setServerBaseUrl(server.baseUrl);
    const step = await signIn({ email: server.clinic.emails.clinician, password: TEST_PASSWORD });
    expect(step.ok && step.value.status).toBe('signed_in');
    const user = step.ok && step.value.status === 'signed_in' ? step.value.user : null;
    await startDataLayer(user!);
    await startDataLayer(user!); // a second call (e.g. a re-render) changes nothing
    const layer = useActiveLayerStore.getState().layer!;
    await layer.leadership;
    await layer.sync();
    expect((await queryPatientChart(layer.core, server.clinic.ownPatientId))?.patient.givenName).toBe('Zelphira');

    await dataActions.queueMutation('patient.updateContact', { patientId: server.clinic.ownPatientId, fields: { email: 'via.session@example.test' } });
    expect(await flushBeforeSignOut(5_000)).toEqual({ pendingCount: 0, conflictCount: 0 });
    const row = await server.db().query<{ email: string }>('SELECT email FROM patients WHERE id = $1', [server.clinic.ownPatientId]);
    expect(row.rows[0]!.email).toBe('via.session@example.test');

    await stopDataLayer({ wipe: true });
    expect(useActiveLayerStore.getState().layer).toBeNull();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(cacheDbName(user!.id));
    await expect(dataActions.queueMutation('patient.updateContact', { patientId: server.clinic.ownPatientId, fields: { email: 'x@example.test' } })).rejects.toMatchObject({ code: 'not_open' });
  });

  it('an admin gets no offline data layer', async () => {
    await startDataLayer({ id: server.clinic.users.admin, role: 'admin' });
    expect(useActiveLayerStore.getState().layer).toBeNull();
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}
