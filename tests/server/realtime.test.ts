// WebSocket pokes: authenticated before the upgrade, validated messages with a size cap, and a poke to the
// right users when a change commits, across two server instances on one PostgreSQL (the Bus).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { describeEachDriver, openTestDatabase } from './support/databases';
import type { TestDatabase } from './support/databases';
import { seedTestClinic } from './support/fixtures';
import type { TestClinic } from './support/fixtures';
import { buildTestApp, signIn } from './support/app';
import type { TestApp } from './support/app';
import { TestSyncClient } from './support/sync-client';
import { openPostgres } from '../../server/db/postgres-driver';
import { inject } from 'vitest';

async function listen(api: TestApp): Promise<string> {
  await api.app.listen({ port: 0, host: '127.0.0.1' });
  const address = api.app.server.address() as { port: number };
  return `ws://127.0.0.1:${address.port}/ws`;
}

interface Probe {
  socket: WebSocket;
  messages: Array<{ type: string; [k: string]: unknown }>;
  next(type: string, timeoutMs?: number): Promise<{ type: string; [k: string]: unknown }>;
}

function connect(url: string, token: string | null): Promise<Probe> {
  return new Promise((resolve, reject) => {
    const protocols = token ? ['housecall.v1', `bearer.${token}`] : ['housecall.v1'];
    const socket = new WebSocket(url, protocols);
    const messages: Probe['messages'] = [];
    const waiters: Array<{ type: string; resolve: (m: Probe['messages'][number]) => void }> = [];
    socket.on('message', (raw) => {
      const msg = JSON.parse(raw.toString());
      messages.push(msg);
      const i = waiters.findIndex((w) => w.type === msg.type);
      if (i >= 0) waiters.splice(i, 1)[0]!.resolve(msg);
    });
    socket.on('unexpected-response', (_req, res) => reject(Object.assign(new Error('refused'), { status: res.statusCode })));
    socket.on('error', reject);
    socket.on('open', () => resolve({
      socket, messages,
      next(type, timeoutMs = 3000) {
        const seen = messages.findIndex((m) => m.type === type);
        if (seen >= 0) return Promise.resolve(messages.splice(seen, 1)[0]!);
        return new Promise((res, rej) => {
          const timer = setTimeout(() => rej(new Error(`no ${type} message within ${timeoutMs} ms`)), timeoutMs);
          waiters.push({ type, resolve: (m) => { clearTimeout(timer); messages.splice(messages.indexOf(m), 1); res(m); } });
        });
      },
    }));
  });
}

describeEachDriver('realtime pokes', (driver) => {
  let t: TestDatabase;
  let clinic: TestClinic;
  let api: TestApp;
  let url: string;
  let clinicianToken: string;
  let otherToken: string;
  beforeAll(async () => {
    t = await openTestDatabase(driver);
    clinic = await seedTestClinic(t.db);
    api = await buildTestApp(t.db);
    url = await listen(api);
    clinicianToken = (await signIn(api, clinic.emails.clinician)).accessToken;
    otherToken = (await signIn(api, clinic.emails.otherClinician)).accessToken;
  });
  afterAll(async () => {
    await api.app.close();
    await t.dispose();
  });

  it('refuses the upgrade without a valid token', async () => {
    await expect(connect(url, null)).rejects.toMatchObject({ status: 401 });
    await expect(connect(url, 'hc1.forged.token')).rejects.toMatchObject({ status: 401 });
  });

  it('greets, answers pings, and refuses bad messages while staying usable', async () => {
    const probe = await connect(url, clinicianToken);
    expect(await probe.next('hello')).toMatchObject({ userId: clinic.users.clinician });
    probe.socket.send('not json');
    expect(await probe.next('error')).toMatchObject({ code: 'bad_message' });
    probe.socket.send(JSON.stringify({ type: 'launch-missiles' }));
    expect(await probe.next('error')).toMatchObject({ code: 'unknown_type' });
    probe.socket.send(JSON.stringify({ type: 'ping', id: 'x' }));
    expect(await probe.next('error')).toMatchObject({ code: 'bad_message' });
    probe.socket.send(JSON.stringify({ type: 'ping', id: 7 }));
    expect(await probe.next('pong')).toEqual({ type: 'pong', id: 7 });
    probe.socket.close();
  });

  it('refuses a message over the size limit and stays usable; closes only on a frame over the hard limit', async () => {
    const probe = await connect(url, clinicianToken);
    await probe.next('hello');
    probe.socket.send('x'.repeat(70 * 1024));
    expect(await probe.next('error')).toMatchObject({ code: 'too_large' });
    probe.socket.send(JSON.stringify({ type: 'ping', id: 8 }));
    expect(await probe.next('pong')).toEqual({ type: 'pong', id: 8 });
    const closed = new Promise<number>((resolve) => probe.socket.on('close', (code) => resolve(code)));
    probe.socket.send('x'.repeat(1024 * 1024 + 1));
    expect(await closed).toBe(1009);
  });

  it('pokes the care team of a changed patient, not other clinicians', async () => {
    const mine = await connect(url, clinicianToken);
    const other = await connect(url, otherToken);
    await mine.next('hello');
    await other.next('hello');
    const client = new TestSyncClient(api, clinicianToken);
    await client.push([client.mutation('patient.updateContact', { patientId: clinic.ownPatientId, fields: { email: 'new@example.org' } })]);
    await mine.next('poke');
    await new Promise((r) => setTimeout(r, 200));
    expect(other.messages.filter((m) => m.type === 'poke')).toEqual([]);
    mine.socket.close();
    other.socket.close();
  });

  it('does not poke the device that pushed a change about that change; pokes its other devices, and it about what else the change touched', async () => {
    const client = new TestSyncClient(api, clinicianToken);
    const pusher = await connect(url, clinicianToken);
    const laptop = await connect(url, clinicianToken);
    const undeclared = await connect(url, clinicianToken);
    await Promise.all([pusher.next('hello'), laptop.next('hello'), undeclared.next('hello')]);
    pusher.socket.send(JSON.stringify({ type: 'sync.device', clientId: client.clientId }));
    laptop.socket.send(JSON.stringify({ type: 'sync.device', clientId: 'another-device-0001' }));
    pusher.socket.send(JSON.stringify({ type: 'ping', id: 1 }));
    await pusher.next('pong'); // the declaration was handled before the push below

    await client.push([client.mutation('patient.updateContact', { patientId: clinic.ownPatientId, fields: { phone: '206-555-0142' } })]);
    await laptop.next('poke');
    await undeclared.next('poke');
    await new Promise((r) => setTimeout(r, 200));
    expect(pusher.messages.filter((m) => m.type === 'poke')).toEqual([]);

    // Confirming where the patient is also changes their appointments, which the answer does not carry: poked.
    await client.push([client.mutation('patient.confirmLocation', { patientId: clinic.ownPatientId, locationState: 'OR' })]);
    await pusher.next('poke');
    await client.push([client.mutation('patient.confirmLocation', { patientId: clinic.ownPatientId, locationState: 'WA' })]);
    for (const probe of [pusher, laptop, undeclared]) probe.socket.close();
  });

  it('refuses a malformed device declaration, staying usable', async () => {
    const probe = await connect(url, clinicianToken);
    await probe.next('hello');
    probe.socket.send(JSON.stringify({ type: 'sync.device', clientId: 'no' }));
    expect(await probe.next('error')).toMatchObject({ code: 'bad_message' });
    probe.socket.send(JSON.stringify({ type: 'ping', id: 9 }));
    expect(await probe.next('pong')).toEqual({ type: 'pong', id: 9 });
    probe.socket.close();
  });
});

describe.skipIf(!inject('pgUrl'))('realtime across two server instances on one PostgreSQL', () => {
  let t: TestDatabase;
  let clinic: TestClinic;
  let a: TestApp;
  let b: TestApp;
  let secondPool: Awaited<ReturnType<typeof openPostgres>>;
  beforeAll(async () => {
    t = await openTestDatabase('postgres');
    clinic = await seedTestClinic(t.db);
    a = await buildTestApp(t.db);
    secondPool = await openPostgres({ connectionString: t.url! });
    b = await buildTestApp(secondPool);
  });
  afterAll(async () => {
    await a.app.close();
    await b.app.close();
    await secondPool.close();
    await t.dispose();
  });

  it('a change pushed to instance B pokes the clinician connected to instance A', async () => {
    const urlA = await listen(a);
    const tokenOnB = (await signIn(b, clinic.emails.clinician)).accessToken;
    const tokenOnA = (await signIn(a, clinic.emails.clinician)).accessToken;
    const probe = await connect(urlA, tokenOnA);
    await probe.next('hello');
    const client = new TestSyncClient(b, tokenOnB);
    const [result] = await client.push([client.mutation('patient.confirmLocation', { patientId: clinic.ownPatientId, locationState: 'OR' })]);
    expect(result!.status).toBe('applied');
    await probe.next('poke', 5000);
    probe.socket.close();
  });
});
