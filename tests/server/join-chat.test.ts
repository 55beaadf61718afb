// The patient join page's chat routes: the visit-scoped session reaches only that patient's own care
// conversation, only while valid; bad input changes nothing; and messages cross two server instances on
// one PostgreSQL both ways (patient on B -> clinician's device on A by poke + pull, clinician on A -> patient's socket on B).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { describeEachDriver, openTestDatabase } from './support/databases';
import type { TestDatabase } from './support/databases';
import { seedTestClinic } from './support/fixtures';
import type { TestClinic } from './support/fixtures';
import { bearer, buildTestApp, signIn } from './support/app';
import type { TestApp } from './support/app';
import { TestSyncClient } from './support/sync-client';
import { connectProbe, listenForWs } from './support/ws-probe';
import { openPostgres } from '../../server/db/postgres-driver';
import type { Database } from '../../server/db/database';
import { storeAttachment } from '../../server/chat/attachments';
import type { Change } from '../../shared/sync/protocol';
import { ATTACHMENT_MAX_BYTES, MESSAGE_MAX_CHARS } from '../../shared/domain/chat';
import { JoinMessagesResponseSchema } from '../../shared/api/join-chat';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);

const messagesOf = (changes: Change[]) => changes.filter((c) => c.entity === 'message').map((c) => c.data as { id: string; body: string; seq: number; senderKind: string });

async function count(db: Database, table: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0]!.n;
}

/** Starts a video visit for the clinic's own patient on a fresh appointment and opens the patient's session. */
async function openPatientSession(api: TestApp, db: Database, clinic: TestClinic, clinicianToken: string): Promise<{ visitId: string; session: string }> {
  const appointmentId = randomUUID();
  await db.query(`INSERT INTO appointments (id, patient_id, clinician_id, kind, status, starts_at, ends_at, reason, city_id)
                  VALUES ($1, $2, $3, 'video', 'booked', now(), now() + interval '30 minutes', 'Follow-up', 'seattle')`, [appointmentId, clinic.ownPatientId, clinic.users.clinician]);
  const started = await api.app.inject({ method: 'POST', url: '/api/visits', headers: bearer(clinicianToken), payload: { appointmentId } });
  expect(started.statusCode).toBe(201);
  const { visit, joinLink } = started.json();
  const exchanged = await api.app.inject({ method: 'POST', url: '/api/join/session', payload: { token: joinLink.path.replace('/join/', '') } });
  expect(exchanged.statusCode).toBe(200);
  return { visitId: visit.id, session: exchanged.json().sessionToken };
}

const patientHeaders = (session: string) => ({ authorization: `Bearer ${session}` });

describeEachDriver('join page chat', (driver) => {
  let t: TestDatabase;
  let clinic: TestClinic;
  let api: TestApp;
  let clinicianToken: string;
  let session: string;
  let visitId: string;
  let url: string;

  const history = async (s = session, after = 0) => api.app.inject({ method: 'GET', url: `/api/join/messages?after=${after}`, headers: patientHeaders(s) });
  const send = (payload: unknown, s = session) => api.app.inject({ method: 'POST', url: '/api/join/messages', headers: patientHeaders(s), payload: payload as object });
  const upload = (type: string, payload: Buffer, s = session) =>
    api.app.inject({ method: 'POST', url: '/api/join/attachments', headers: { ...patientHeaders(s), 'content-type': type }, payload });

  beforeAll(async () => {
    t = await openTestDatabase(driver);
    clinic = await seedTestClinic(t.db);
    api = await buildTestApp(t.db);
    clinicianToken = (await signIn(api, clinic.emails.clinician)).accessToken;
    ({ visitId, session } = await openPatientSession(api, t.db, clinic, clinicianToken));
  });
  afterAll(async () => {
    await api.app.close();
    await t.dispose();
  });

  it('lets the patient write and read their own care conversation, with the clinician\'s replies, receipts and audit rows', async () => {
    const empty = await history();
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toEqual({ messages: [], careTeamReadSeq: 0 });

    const messageId = randomUUID();
    const sent = await send({ messageId, body: '  I have a rash on my arm  ' });
    expect(sent.statusCode).toBe(201);
    expect(sent.json().message).toMatchObject({ id: messageId, from: 'you', senderName: '', body: 'I have a rash on my arm', attachment: null });
    // Sending the same message again (a retry) answers the first post and adds nothing.
    expect((await send({ messageId, body: 'I have a rash on my arm' })).statusCode).toBe(201);
    expect(await count(t.db, 'messages')).toBe(1);

    // The clinician's device pulls it and replies through the sync mutation.
    const device = new TestSyncClient(api, clinicianToken);
    expect(messagesOf(await device.pullAll()).map((m) => [m.body, m.senderKind])).toEqual([['I have a rash on my arm', 'patient']]);
    const [reply] = await device.push([device.mutation('message.send', { messageId: randomUUID(), conversationId: clinic.ownPatientId, body: 'Please show me' })]);
    expect(reply!.status).toBe('applied');

    const read = JoinMessagesResponseSchema.parse((await history()).json());
    expect(read.messages.map((m) => [m.from, m.senderName, m.body])).toEqual([['you', '', 'I have a rash on my arm'], ['care_team', 'Dr. Test Clinician', 'Please show me']]);
    expect(JoinMessagesResponseSchema.parse((await history(session, read.messages[0]!.seq)).json()).messages.map((m) => m.body)).toEqual(['Please show me']);
    // Fetching delivered the reply to the patient; marking read moves the read mark (once).
    const lastSeq = read.messages[1]!.seq;
    const { rows: delivered } = await t.db.query<{ delivered_seq: string; read_seq: string }>(
      'SELECT delivered_seq, read_seq FROM conversation_receipts WHERE conversation_id = $1 AND reader = $2', [clinic.ownPatientId, `patient:${clinic.ownPatientId}`]);
    expect(delivered.map((r) => [Number(r.delivered_seq), Number(r.read_seq)])).toEqual([[lastSeq, 0]]);
    expect((await api.app.inject({ method: 'POST', url: '/api/join/messages/read', headers: patientHeaders(session), payload: { upToSeq: lastSeq } })).json()).toEqual({ moved: true });
    expect((await api.app.inject({ method: 'POST', url: '/api/join/messages/read', headers: patientHeaders(session), payload: { upToSeq: lastSeq } })).json()).toEqual({ moved: false });
    // The clinician reads: the patient sees their message as read.
    const [marked] = await device.push([device.mutation('message.markRead', { conversationId: clinic.ownPatientId, upToSeq: lastSeq })]);
    expect(marked!.status).toBe('applied');
    expect((await history()).json().careTeamReadSeq).toBe(lastSeq);

    const { rows: audits } = await t.db.query<{ action: string; role: string; patient_id: string; outcome: string }>(
      `SELECT action, role, patient_id, outcome FROM audit_log WHERE action LIKE 'chat.%' AND role = 'patient' ORDER BY id`);
    expect(new Set(audits.map((a) => a.action))).toEqual(new Set(['chat.messages.read', 'chat.message.send', 'chat.messages.mark_read']));
    expect(audits.every((a) => a.patient_id === clinic.ownPatientId && a.outcome === 'allowed')).toBe(true);
  });

  it('takes PNG/JPEG/WebP images checked by their bytes and size, and shows them to the patient', async () => {
    const before = await count(t.db, 'chat_attachments');
    const stored = await upload('image/png', Buffer.from(PNG));
    expect(stored.statusCode).toBe(201);
    const attachment = stored.json().attachment;
    expect(attachment).toMatchObject({ contentType: 'image/png', byteSize: PNG.length });
    const sent = await send({ messageId: randomUUID(), body: '', attachmentId: attachment.id });
    expect(sent.statusCode).toBe(201);
    expect(sent.json().message.attachment).toEqual({ id: attachment.id });
    const image = await api.app.inject({ method: 'GET', url: `/api/join/attachments/${attachment.id}`, headers: patientHeaders(session) });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(new Uint8Array(image.rawPayload)).toEqual(PNG);

    const disguised = await upload('image/png', Buffer.from(JPEG));
    expect(disguised.statusCode).toBe(415);
    expect((await upload('image/gif', Buffer.from('GIF89a....'))).statusCode).toBe(415);
    const huge = Buffer.alloc(ATTACHMENT_MAX_BYTES + 1);
    Buffer.from(PNG).copy(huge);
    expect((await upload('image/png', huge)).statusCode).toBe(413);
    expect(await count(t.db, 'chat_attachments')).toBe(before + 1);
  });

  it('never reaches another patient\'s conversation or images', async () => {
    const othersImage = await t.db.transaction((tx) => storeAttachment(tx, { kind: 'staff', userId: clinic.users.otherClinician, role: 'clinician' },
      { conversationId: clinic.otherPatientId, declaredType: 'image/png', bytes: PNG }));
    if (!othersImage.ok) throw new Error('fixture image not stored');
    await t.db.query(`INSERT INTO messages (id, conversation_id, seq, sender_kind, sender_user_id, body) VALUES ($1, $2, nextval('message_seq'), 'staff', $3, 'For the other patient')`,
      [randomUUID(), clinic.otherPatientId, clinic.users.otherClinician]);
    const messagesBefore = await count(t.db, 'messages');

    expect((await api.app.inject({ method: 'GET', url: `/api/join/attachments/${othersImage.attachment.id}`, headers: patientHeaders(session) })).statusCode).toBe(404);
    const borrowed = await send({ messageId: randomUUID(), body: 'look', attachmentId: othersImage.attachment.id });
    expect(borrowed.statusCode).toBe(400);
    expect(JSON.stringify((await history()).json())).not.toContain('For the other patient');
    // A conversation id in the body is not accepted at all: the session decides the conversation.
    expect((await send({ messageId: randomUUID(), body: 'sneaky', conversationId: clinic.otherPatientId })).statusCode).toBe(400);
    expect(await count(t.db, 'messages')).toBe(messagesBefore);
    const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'chat.attachment.read' AND outcome = 'denied' AND role = 'patient'`);
    expect(rows[0]!.n).toBe(1);
  });

  it('refuses bad input with a clear error and changes nothing', async () => {
    const before = await count(t.db, 'messages');
    const cases: unknown[] = [
      {}, { messageId: 'not-a-uuid', body: 'Hi' }, { messageId: randomUUID(), body: '   ' }, { messageId: randomUUID(), body: 'x'.repeat(MESSAGE_MAX_CHARS + 1) },
      { messageId: randomUUID(), body: 42 }, { messageId: randomUUID(), body: 'Hi', extra: true },
    ];
    for (const payload of cases) {
      const res = await send(payload);
      expect(res.statusCode, JSON.stringify(payload).slice(0, 60)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    expect((await history(session, -1)).statusCode).toBe(400);
    expect((await api.app.inject({ method: 'POST', url: '/api/join/messages/read', headers: patientHeaders(session), payload: { upToSeq: 'all' } })).statusCode).toBe(400);
    expect((await api.app.inject({ method: 'GET', url: '/api/join/attachments/not-a-uuid', headers: patientHeaders(session) })).statusCode).toBe(400);
    // No session, a malformed one, or a staff access token instead of a visit session: 401.
    expect((await api.app.inject({ method: 'GET', url: '/api/join/messages' })).statusCode).toBe(401);
    expect((await history('hcv_' + 'A'.repeat(43))).statusCode).toBe(401);
    expect((await history(clinicianToken)).statusCode).toBe(401);
    expect((await send({ messageId: randomUUID(), body: 'Hi' }, clinicianToken)).statusCode).toBe(401);
    expect(await count(t.db, 'messages')).toBe(before);
  });

  describe('when the session is no longer valid', () => {
    let second: { visitId: string; session: string };
    beforeEach(async () => {
      second = await openPatientSession(api, t.db, clinic, clinicianToken);
      expect((await history(second.session)).statusCode).toBe(200);
    });

    it('refuses an expired session', async () => {
      await t.db.query(`UPDATE visit_patient_sessions SET expires_at = now() - interval '1 minute' WHERE visit_id = $1`, [second.visitId]);
      await expectRefused(second.session);
    });

    it('refuses the session once the visit has ended', async () => {
      expect((await api.app.inject({ method: 'POST', url: `/api/visits/${second.visitId}/end`, headers: bearer(clinicianToken) })).statusCode).toBe(200);
      await expectRefused(second.session);
    });

    async function expectRefused(s: string) {
      const before = [await count(t.db, 'messages'), await count(t.db, 'chat_attachments')];
      expect((await history(s)).statusCode).toBe(401);
      expect((await send({ messageId: randomUUID(), body: 'Still there?' }, s)).statusCode).toBe(401);
      expect((await upload('image/png', Buffer.from(PNG), s)).statusCode).toBe(401);
      expect((await api.app.inject({ method: 'POST', url: '/api/join/messages/read', headers: patientHeaders(s), payload: { upToSeq: 1 } })).statusCode).toBe(401);
      expect([await count(t.db, 'messages'), await count(t.db, 'chat_attachments')]).toEqual(before);
    }
  });

  it('pokes the patient\'s own socket (and not another visit\'s patient) when their conversation changes', async () => {
    url = await listenForWs(api);
    const own = await connectProbe(url, { visit: session });
    await own.next('hello');
    // Another patient in a video visit of their own at the same time.
    const otherToken = (await signIn(api, clinic.emails.otherClinician)).accessToken;
    const appointmentId = randomUUID();
    await t.db.query(`INSERT INTO appointments (id, patient_id, clinician_id, kind, status, starts_at, ends_at, reason, city_id)
                      VALUES ($1, $2, $3, 'video', 'booked', now(), now() + interval '30 minutes', 'Check-in', 'seattle')`, [appointmentId, clinic.otherPatientId, clinic.users.otherClinician]);
    const started = (await api.app.inject({ method: 'POST', url: '/api/visits', headers: bearer(otherToken), payload: { appointmentId } })).json();
    const otherSession = (await api.app.inject({ method: 'POST', url: '/api/join/session', payload: { token: started.joinLink.path.replace('/join/', '') } })).json().sessionToken;
    const other = await connectProbe(url, { visit: otherSession });
    await other.next('hello');

    const device = new TestSyncClient(api, clinicianToken);
    await device.pullAll();
    const [sent] = await device.push([device.mutation('message.send', { messageId: randomUUID(), conversationId: clinic.ownPatientId, body: 'Are you there?' })]);
    expect(sent!.status).toBe('applied');
    await own.next('poke', 5000);
    expect((await history()).json().messages.at(-1)).toMatchObject({ from: 'care_team', body: 'Are you there?' });
    // The other patient's page is not poked, and its session still sees only its own (empty) conversation.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(other.messages.filter((m) => m.type === 'poke')).toEqual([]);
    expect((await history(otherSession)).json().messages).toEqual([expect.objectContaining({ body: 'For the other patient' })]);
    own.socket.close();
    other.socket.close();
    expect(visitId).toBeTruthy();
  });

  it('closes a patient\'s socket when their visit ends, so a page in chat only learns of it', async () => {
    const ending = await openPatientSession(api, t.db, clinic, clinicianToken);
    const probe = await connectProbe(url, { visit: ending.session });
    await probe.next('hello');
    const closed = new Promise<number>((resolve) => probe.socket.on('close', (code) => resolve(code)));
    expect((await api.app.inject({ method: 'POST', url: `/api/visits/${ending.visitId}/end`, headers: bearer(clinicianToken) })).statusCode).toBe(200);
    expect(await closed).toBe(4401);
    expect(probe.messages.filter((m) => m.type === 'poke')).toEqual([]);
    // And it cannot connect again with that session.
    await expect(connectProbe(url, { visit: ending.session })).rejects.toMatchObject({ status: 401 });
  });
});

describe.skipIf(!inject('pgUrl'))('join page chat across two server instances on one PostgreSQL', () => {
  let t: TestDatabase;
  let clinic: TestClinic;
  let a: TestApp;
  let b: TestApp;
  let secondPool: Awaited<ReturnType<typeof openPostgres>>;
  let urlA: string;
  let urlB: string;
  beforeAll(async () => {
    t = await openTestDatabase('postgres');
    clinic = await seedTestClinic(t.db);
    a = await buildTestApp(t.db);
    secondPool = await openPostgres({ connectionString: t.url! });
    b = await buildTestApp(secondPool);
    urlA = await listenForWs(a);
    urlB = await listenForWs(b);
  });
  afterAll(async () => {
    await a.app.close();
    await b.app.close();
    await secondPool.close();
    await t.dispose();
  });

  it('a patient message on B reaches the clinician\'s device on A, and a clinician message on A reaches the patient\'s socket on B', async () => {
    const clinicianOnA = (await signIn(a, clinic.emails.clinician)).accessToken;
    const { session } = await openPatientSession(a, t.db, clinic, clinicianOnA);
    const clinicianSocket = await connectProbe(urlA, { bearer: clinicianOnA });
    await clinicianSocket.next('hello');
    const patientSocket = await connectProbe(urlB, { visit: session });
    await patientSocket.next('hello');
    const device = new TestSyncClient(a, clinicianOnA);
    await device.pullAll();

    const fromPatient = await b.app.inject({ method: 'POST', url: '/api/join/messages', headers: patientHeaders(session), payload: { messageId: randomUUID(), body: 'Written on instance B' } });
    expect(fromPatient.statusCode).toBe(201);
    await clinicianSocket.next('poke', 5000);
    expect(messagesOf(await device.pullAll()).map((m) => m.body)).toEqual(['Written on instance B']);

    patientSocket.messages.length = 0;
    const [sent] = await device.push([device.mutation('message.send', { messageId: randomUUID(), conversationId: clinic.ownPatientId, body: 'Answered on instance A' })]);
    expect(sent!.status).toBe('applied');
    await patientSocket.next('poke', 5000);
    const onB = JoinMessagesResponseSchema.parse((await b.app.inject({ method: 'GET', url: '/api/join/messages', headers: patientHeaders(session) })).json());
    expect(onB.messages.map((m) => [m.from, m.body])).toEqual([['you', 'Written on instance B'], ['care_team', 'Answered on instance A']]);
    clinicianSocket.socket.close();
    patientSocket.socket.close();
  });
});
