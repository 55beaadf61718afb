// The cache at rest: no PHI readable in IndexedDB, a key that survives reloads but not sign-out, the
// Electron OS-key-store path, a cache that cannot be unlocked or is too old being wiped, and a full disk
// failing the action loudly.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryConflicts, queryNote, queryPatientChart } from '../../renderer/data/queries';
import { vaultDelete, vaultHasKey } from '../../renderer/data/key-vault';
import { osKeyProvider } from '../../renderer/data/keys';
import type { OsKeyStore } from '../../renderer/platform/key-store';
import { cacheDbName } from '../../renderer/data/schema';
import type { TestServer } from './support/server';
import { startTestServer } from './support/server';
import { openDevice, testEnvironment } from './support/devices';
import type { TestDevice } from './support/devices';
import { rawIndexedDbText, statusOf } from './support/inspect';

const FIXTURE_PHI = ['Zelphira', 'Quimbleton', '555-0142', '1980-04-02', 'Penicillin', 'Hives', 'Sore throat', '100 Pine St'];

/** A stand-in for Electron safeStorage: XOR with this "machine's" secret (another machine cannot unwrap). */
function fakeOsKeyStore(machine: number, options: { available?: boolean } = {}): OsKeyStore & { wrapped: string[] } {
  const tag = `m${machine}:`;
  const wrapped: string[] = [];
  return {
    wrapped,
    async wrap(dataKey) {
      if (options.available === false) return { ok: false, error: { code: 'unavailable', message: 'no key store' } };
      const text = tag + Buffer.from(dataKey.map((b) => b ^ machine)).toString('base64');
      wrapped.push(text);
      return { ok: true, value: Buffer.from(text).toString('base64') };
    },
    async unwrap(wrappedKeyBase64) {
      if (options.available === false) return { ok: false, error: { code: 'unavailable', message: 'no key store' } };
      const text = Buffer.from(wrappedKeyBase64, 'base64').toString();
      if (!text.startsWith(tag)) return { ok: false, error: { code: 'decrypt_failed', message: 'wrong machine' } };
      return { ok: true, value: new Uint8Array(Buffer.from(text.slice(tag.length), 'base64').map((b) => b ^ machine)) };
    },
  };
}

describe('the encrypted cache at rest', () => {
  let server: TestServer;
  const devices: TestDevice[] = [];
  const open = async (options: Parameters<typeof openDevice>[2] = {}) => {
    const device = await openDevice(server, server.clinic.emails.clinician, options);
    devices.push(device);
    await device.layer.leadership;
    return device;
  };
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    for (const d of devices) await d.close().catch(() => undefined);
    await server.close();
  });

  it('stores no readable PHI: not the synced chart, not queued changes, not conflicts', async () => {
    const device = await open();
    await device.layer.sync();
    const noteId = crypto.randomUUID();
    await device.layer.actions.saveNoteDraft({ noteId, patientId: server.clinic.ownPatientId, appointmentId: server.clinic.ownAppointmentId, sections: { subjective: 'Complains of Zzyzx-cough', objective: '', assessment: '', plan: '' } });
    await device.layer.sync();
    device.network.online = false;
    await device.layer.actions.queueMutation('patient.updateContact', { patientId: server.clinic.ownPatientId, fields: { phone: '206-555-0166' } });
    await device.layer.actions.queueMutation('patient.updateContact', { patientId: server.clinic.otherPatientId, fields: { email: 'orsolya.b@example.test' } });
    device.network.online = true;
    await device.layer.sync(); // the second is refused (forbidden) and kept as a conflict
    device.network.online = false;
    await device.layer.actions.queueMutation('patient.updateContact', { patientId: server.clinic.ownPatientId, fields: { email: 'pending.only@example.test' } });

    // The data is there (decrypted through the data layer)...
    const chart = await queryPatientChart(device.layer.core, server.clinic.ownPatientId);
    expect(chart?.patient).toMatchObject({ givenName: 'Zelphira', phone: '206-555-0166', email: 'pending.only@example.test' });
    expect(await queryNote(device.layer.core, noteId)).toMatchObject({ sections: expect.objectContaining({ subjective: 'Complains of Zzyzx-cough' }) });
    expect((await queryConflicts(device.layer.core))[0]?.mine).toMatchObject({ fields: { email: 'orsolya.b@example.test' } });
    // ...but none of it can be read from IndexedDB itself.
    const raw = await rawIndexedDbText(device.env.indexedDB);
    expect(raw).toContain(server.clinic.ownPatientId); // ids are stored in the clear (index keys), so the scan sees the rows
    for (const phi of [...FIXTURE_PHI, 'Zzyzx-cough', '555-0166', 'orsolya.b@example.test', 'pending.only@example.test']) expect(raw).not.toContain(phi);
  });

  it('the key survives a reload (read offline), and sign-out deletes the cache and the key', async () => {
    const env = testEnvironment();
    const device = await open({ env });
    await device.layer.sync();
    device.network.online = false;
    await device.restart();
    expect((await queryPatientChart(device.layer.core, server.clinic.ownPatientId))?.patient.familyName).toBe('Quimbleton');
    expect(await vaultHasKey(env, device.userId)).toBe(true);

    await device.close({ wipe: true });
    const names = (await env.indexedDB.databases()).map((d) => d.name);
    expect(names).not.toContain(cacheDbName(device.userId));
    expect(await vaultHasKey(env, device.userId)).toBe(false);
  });

  it('a cache whose key is gone cannot be read, so it is cleared and downloaded again, and the user is told', async () => {
    const env = testEnvironment();
    const device = await open({ env });
    await device.layer.sync();
    await device.layer.close({ wipe: false });
    await vaultDelete(env, device.userId); // e.g. the browser's site data was partly cleared
    await device.restart();
    expect(device.layer.core.status.getState().storageWarning).toMatch(/could not be unlocked and was cleared/);
    expect(await device.layer.core.db.charts.count()).toBe(0);
    await device.layer.sync();
    expect((await queryPatientChart(device.layer.core, server.clinic.ownPatientId))?.patient.givenName).toBe('Zelphira');
  });

  it('Electron: the data key is stored only wrapped by the OS key store; another machine cannot open the cache', async () => {
    const env = testEnvironment();
    const store = fakeOsKeyStore(7);
    const device = await open({ env, keys: osKeyProvider(store) });
    await device.layer.sync();
    const wrapped = (await device.layer.core.db.meta.get('wrappedKey'))?.value as string;
    expect(Buffer.from(wrapped, 'base64').toString()).toBe(store.wrapped[0]);
    expect(await vaultHasKey(env, device.userId)).toBe(false);

    device.network.online = false;
    await device.restart({ keys: osKeyProvider(fakeOsKeyStore(7)) }); // same machine: opens offline
    expect((await queryPatientChart(device.layer.core, server.clinic.ownPatientId))?.patient.givenName).toBe('Zelphira');

    await device.restart({ keys: osKeyProvider(fakeOsKeyStore(9)) }); // the profile copied to another machine
    expect(device.layer.core.status.getState().storageWarning).toMatch(/could not be unlocked/);
    expect(await device.layer.core.db.charts.count()).toBe(0);

    await device.restart({ keys: osKeyProvider(fakeOsKeyStore(9, { available: false })) });
    expect(device.layer.core.status.getState().storageWarning).toMatch(/key store is unavailable/);
  });

  it('a cache not refreshed for over 72 hours wipes its server data at start but keeps unsent work', async () => {
    const device = await open();
    await device.layer.sync();
    device.network.online = false;
    await device.layer.actions.queueMutation('patient.updateContact', { patientId: server.clinic.ownPatientId, fields: { email: 'kept@example.test' } });
    device.env.clock.offsetMs = 73 * 3600_000;
    await device.restart();
    expect(await device.layer.core.db.charts.count()).toBe(0);
    expect(await device.layer.core.db.outbox.count()).toBe(1);
    expect(device.layer.core.status.getState().lastError).toMatch(/more than 72 hours old/);
    device.network.online = true;
    await device.layer.sync();
    expect((await queryPatientChart(device.layer.core, server.clinic.ownPatientId))?.patient).toMatchObject({ email: 'kept@example.test', pending: false });
  });

  it('a full disk fails the change with a clear message and raises the storage warning; nothing is half-saved', async () => {
    const device = await open();
    await device.layer.sync();
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    const spy = vi.spyOn(device.layer.core.db.outbox, 'add').mockRejectedValue(quota);
    const attempt = device.layer.actions.queueMutation('patient.updateContact', { patientId: server.clinic.ownPatientId, fields: { phone: '206-555-0155' } });
    await expect(attempt).rejects.toMatchObject({ code: 'storage_full', message: expect.stringMatching(/out of storage space: the change was not saved/) });
    spy.mockRestore();
    expect((await statusOf(device.layer)).storageWarning).toMatch(/out of storage space/);
    expect(await device.layer.core.db.outbox.count()).toBe(0);
    expect((await queryPatientChart(device.layer.core, server.clinic.ownPatientId))?.patient).toMatchObject({ pending: false });
    expect((await queryPatientChart(device.layer.core, server.clinic.ownPatientId))?.patient.phone).not.toBe('206-555-0155');
  });
});
