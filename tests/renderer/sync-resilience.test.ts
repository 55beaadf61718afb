// Sync keeps working through what happens in the field: offline work flushed when the network returns,
// server restarts mid-sync, pokes over the WebSocket, writers racing readers, and several windows of one
// profile (exactly one of them syncs).
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryPatientChart } from '../../renderer/data/queries';
import type { SyncApi } from '../../renderer/platform';
import type { TestServer } from './support/server';
import { addPatients, startTestServer } from './support/server';
import type { TestDevice } from './support/devices';
import { openDevice, testEnvironment } from './support/devices';
import { fakeLocks } from './support/fake-locks';
import { statusOf, viewsById } from './support/inspect';

async function until(condition: () => Promise<boolean> | boolean, timeoutMs = 8_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('sync resilience', () => {
  let server: TestServer;
  let patients: Array<{ patientId: string; appointmentId: string }>;
  const devices: TestDevice[] = [];
  const open = async (options: Parameters<typeof openDevice>[2] = {}) => {
    const device = await openDevice(server, server.clinic.emails.clinician, options);
    devices.push(device);
    return device;
  };
  const sql = <T>(text: string, params: unknown[] = []) => server.db().query<T>(text, params).then((r) => r.rows);
  beforeAll(async () => {
    server = await startTestServer({ onDisk: true });
    patients = await addPatients(server.db(), server.clinic.users.clinician, 6, new Date(Date.now() + 3600_000));
  });
  afterAll(async () => {
    for (const d of devices) await d.close().catch(() => undefined);
    await server.close();
  });

  it('work done offline is kept across an app restart and sent by itself when the network returns', async () => {
    const device = await open();
    await device.layer.leadership;
    await device.layer.sync();
    device.network.online = false;
    const patientId = patients[0]!.patientId;
    await device.layer.actions.queueMutation('patient.updateContact', { patientId, fields: { phone: '206-555-0123' } });
    await device.layer.actions.queueMutation('appointment.setStatus', { appointmentId: patients[0]!.appointmentId, status: 'checked_in' });
    await device.restart(); // the app is closed and opened again, still offline
    await device.layer.leadership;
    expect(await statusOf(device.layer)).toMatchObject({ pendingCount: 2, allSynced: false });
    expect((await queryPatientChart(device.layer.core, patientId))?.patient).toMatchObject({ phone: '206-555-0123', pending: true });

    device.network.online = true;
    device.env.fireOnline();
    await until(async () => (await statusOf(device.layer)).allSynced);
    expect(await sql('SELECT phone FROM patients WHERE id = $1', [patientId])).toEqual([{ phone: '206-555-0123' }]);
    expect(await sql('SELECT status FROM appointments WHERE id = $1', [patients[0]!.appointmentId])).toEqual([{ status: 'checked_in' }]);
  });

  it('a server restart in the middle of a sync loses nothing and applies nothing twice', async () => {
    const device = await open({ engine: { batch: { maxCount: 5, maxBytes: 60_000 }, periodMs: 3_600_000, backoff: { baseMs: 50, maxMs: 200 } } });
    await device.layer.leadership;
    await device.layer.sync();
    device.network.online = false;
    const patientId = patients[1]!.patientId;
    const [{ version: before }] = (await sql<{ version: number }>('SELECT version FROM patients WHERE id = $1', [patientId])) as [{ version: number }];
    for (let i = 0; i < 40; i++) {
      await device.layer.actions.queueMutation('patient.updateContact', { patientId, fields: { postalCode: String(98100 + i) } });
    }
    device.network.online = true;
    const syncing = device.layer.sync();
    await until(async () => (await device.layer.core.db.outbox.count()) < 40, 5_000);
    await server.restart(); // the app and its database close and reopen on the same files
    await syncing;
    await until(async () => (await device.layer.sync())?.ok === true && (await device.layer.core.db.outbox.count()) === 0);
    const [{ version: after }] = (await sql<{ version: number }>('SELECT version FROM patients WHERE id = $1', [patientId])) as [{ version: number }];
    expect(after).toBe(before + 40);
    expect(await sql('SELECT postal_code FROM patients WHERE id = $1', [patientId])).toEqual([{ postal_code: '98139' }]);
    const clientId = await device.layer.core.db.meta.get('clientId');
    expect(await sql('SELECT count(*)::int AS n, count(DISTINCT seq)::int AS seqs FROM applied_mutations WHERE client_id = $1', [clientId!.value])).toEqual([{ n: 40, seqs: 40 }]);
    expect((await queryPatientChart(device.layer.core, patientId))?.patient).toMatchObject({ address: expect.objectContaining({ postalCode: '98139' }), pending: false });
  });

  it('a change made elsewhere arrives through a WebSocket poke, also after the socket reconnects to a restarted server', async () => {
    const watcher = await open({ realtime: true });
    const editor = await open();
    await Promise.all([watcher.layer.leadership, editor.layer.leadership]);
    await watcher.layer.sync();
    await editor.layer.sync();
    const patientId = patients[2]!.patientId;
    await editor.layer.actions.queueMutation('patient.updateContact', { patientId, fields: { email: 'poked@example.test' } });
    await until(async () => (await queryPatientChart(watcher.layer.core, patientId))?.patient.email === 'poked@example.test');

    await server.restart(); // the socket drops and reconnects with back-off
    await editor.layer.actions.queueMutation('patient.updateContact', { patientId, fields: { email: 'after-restart@example.test' } });
    await until(async () => (await editor.layer.core.db.outbox.count()) === 0);
    await until(async () => (await queryPatientChart(watcher.layer.core, patientId))?.patient.email === 'after-restart@example.test');
  });

  it('with its socket up, a device sends its own changes without pulling them back, and still hears of everyone else\'s', async () => {
    let pulls = 0;
    const countPulls = (api: SyncApi): SyncApi => ({
      ...api,
      pull(query, signal) {
        pulls += 1;
        return api.pull(query, signal);
      },
    });
    const writer = await open({ realtime: true, wrapApi: countPulls });
    const other = await open();
    await Promise.all([writer.layer.leadership, other.layer.leadership]);
    await writer.layer.sync();
    await other.layer.sync();
    await until(async () => (await statusOf(writer.layer)).online);
    const patientId = patients[3]!.patientId;
    await new Promise((r) => setTimeout(r, 300)); // the socket has said which device it is
    const before = pulls;
    for (const email of ['own1@example.test', 'own2@example.test', 'own3@example.test']) {
      await writer.layer.actions.queueMutation('patient.updateContact', { patientId, fields: { email } });
      await until(async () => (await writer.layer.core.db.outbox.count()) === 0);
    }
    await new Promise((r) => setTimeout(r, 300)); // time for any poke about them to arrive
    expect(pulls).toBe(before);
    expect((await queryPatientChart(writer.layer.core, patientId))?.patient.email).toBe('own3@example.test');
    expect((await statusOf(writer.layer)).allSynced).toBe(true);

    await other.layer.actions.queueMutation('patient.updateContact', { patientId, fields: { email: 'elsewhere@example.test' } });
    await until(async () => (await queryPatientChart(writer.layer.core, patientId))?.patient.email === 'elsewhere@example.test');
    expect(pulls).toBeGreaterThan(before);
  });

  it('writers committing while a reader pulls in small pages: the reader misses nothing', async () => {
    const reader = await open({ engine: { pullLimit: 2, periodMs: 3_600_000, backoff: { baseMs: 50, maxMs: 200 } } });
    const writerA = await open();
    const writerB = await open();
    await Promise.all([reader.layer.leadership, writerA.layer.leadership, writerB.layer.leadership]);
    await Promise.all([reader.layer.sync(), writerA.layer.sync(), writerB.layer.sync()]);
    const write = async (writer: TestDevice, patientId: string, tag: string) => {
      for (let i = 0; i < 12; i++) {
        await writer.layer.actions.queueMutation('patient.updateContact', { patientId, fields: { addressLine: `${tag} ${i} Elm St` } });
        if (i % 3 === 0) await writer.layer.sync();
      }
      await writer.layer.sync();
    };
    let reading = true;
    const readLoop = (async () => {
      while (reading) await reader.layer.sync();
    })();
    await Promise.all([write(writerA, patients[3]!.patientId, 'A'), write(writerB, patients[4]!.patientId, 'B')]);
    reading = false;
    await readLoop;
    await reader.layer.sync();
    const views = await viewsById(reader.layer, 'patient');
    const rows = await sql<{ id: string; address_line: string; version: number }>('SELECT id, address_line, version FROM patients');
    for (const row of rows.filter((r) => views.has(r.id))) {
      expect(views.get(row.id)).toMatchObject({ address: expect.objectContaining({ line: row.address_line }), version: row.version });
    }
    expect(views.get(patients[3]!.patientId)).toMatchObject({ address: expect.objectContaining({ line: 'A 11 Elm St' }) });
    expect(views.get(patients[4]!.patientId)).toMatchObject({ address: expect.objectContaining({ line: 'B 11 Elm St' }) });
  });

  it('two windows of one profile: one leads sync (Web Locks), the other reads the same cache and hands its changes over', async () => {
    const locks = fakeLocks();
    const env = testEnvironment({ locks, channelPrefix: `windows-${crypto.randomUUID()}` });
    const first = await open({ env });
    await first.layer.leadership;
    await first.layer.sync();
    const second = await open({ env });
    expect(locks.requested).toEqual([`housecall-sync-${first.userId}`, `housecall-sync-${first.userId}`]);
    expect(first.layer.isLeader()).toBe(true);
    expect(second.layer.isLeader()).toBe(false);

    // The follower sees the leader's status and cache; its change is pushed by the leader.
    await until(() => second.layer.core.status.getState().phase === 'idle');
    const patientId = patients[5]!.patientId;
    const requestsBefore = second.network.requests;
    await second.layer.actions.queueMutation('patient.updateContact', { patientId, fields: { phone: '206-555-0177' } });
    expect((await queryPatientChart(first.layer.core, patientId))?.patient).toMatchObject({ phone: '206-555-0177', pending: true });
    await until(async () => (await sql<{ phone: string }>('SELECT phone FROM patients WHERE id = $1', [patientId]))[0]!.phone === '206-555-0177');
    expect(second.network.requests).toBe(requestsBefore); // the follower itself sent nothing

    // The leader's window closes: the other one takes over.
    await first.close();
    await second.layer.leadership;
    expect(second.layer.isLeader()).toBe(true);
    await second.layer.actions.queueMutation('patient.updateContact', { patientId, fields: { phone: '206-555-0178' } });
    await until(async () => (await sql<{ phone: string }>('SELECT phone FROM patients WHERE id = $1', [patientId]))[0]!.phone === '206-555-0178');
  });
});
