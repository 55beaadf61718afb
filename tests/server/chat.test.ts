// Chat on the server: members-only access (staff and the patient-principal path), server order, receipts,
// system messages, attachments checked by their bytes, bad input refused, and a message sent on one
// instance poking the recipient connected to another instance on the same PostgreSQL.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { describeEachDriver, openTestDatabase } from './support/databases';
import type { TestDatabase } from './support/databases';
import { seedTestClinic } from './support/fixtures';
import type { TestClinic } from './support/fixtures';
import { bearer, buildTestApp, signIn } from './support/app';
import type { TestApp } from './support/app';
import { TestSyncClient } from './support/sync-client';
import { connectProbe, listenForWs } from './support/ws-probe';
import { openPostgres } from '../../server/db/postgres-driver';
import { createStaffConversation } from '../../server/chat/conversations';
import { postPatientMessage, readMessages } from '../../server/chat/messages';
import { postSystemMessage } from '../../server/chat/system-messages';
import { markRead } from '../../server/chat/receipts';
import { readAttachment, storeAttachment } from '../../server/chat/attachments';
import type { Change } from '../../shared/sync/protocol';
import { ATTACHMENT_MAX_BYTES, MESSAGE_MAX_CHARS } from '../../shared/domain/chat';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);

const messagesOf = (changes: Change[]) => changes.filter((c) => c.entity === 'message').map((c) => c.data as { id: string; body: string; seq: number; senderKind: string; conversationId: string });
const conversationOf = (changes: Change[], id: string) => changes.filter((c) => c.entity === 'conversation' && c.id === id).at(-1)?.data as
  { receipts: Record<string, { deliveredSeq: number; readSeq: number }>; kind: string; lastMessageSeq: number } | undefined;

async function count(t: TestDatabase, table: string): Promise<number> {
  const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0]!.n;
}

describeEachDriver('chat', (driver) => {
  let t: TestDatabase;
  let clinic: TestClinic;
  let api: TestApp;
  let staffConversation: string;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    t = await openTestDatabase(driver);
    clinic = await seedTestClinic(t.db);
    api = await buildTestApp(t.db);
    staffConversation = await t.db.transaction((tx) => createStaffConversation(tx, { createdBy: clinic.users.clinician, memberIds: [clinic.users.dispatcher] }));
    for (const who of ['clinician', 'otherClinician', 'dispatcher'] as const) tokens[who] = (await signIn(api, clinic.emails[who])).accessToken;
  });
  afterAll(async () => {
    await api.app.close();
    await t.dispose();
  });

  it('staff conversations: members send and receive in server order; non-members neither see nor post', async () => {
    const clinician = new TestSyncClient(api, tokens.clinician!);
    const dispatcher = new TestSyncClient(api, tokens.dispatcher!);
    const outsider = new TestSyncClient(api, tokens.otherClinician!);
    await Promise.all([clinician.pullAll(), dispatcher.pullAll(), outsider.pullAll()]);
    const ids = [randomUUID(), randomUUID()];
    const results = await clinician.push(ids.map((messageId, i) => clinician.mutation('message.send', { messageId, conversationId: staffConversation, body: `Staff note ${i}` })));
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const received = messagesOf(await dispatcher.pullAll());
    expect(received.map((m) => m.body)).toEqual(['Staff note 0', 'Staff note 1']);
    expect(received[0]!.seq).toBeLessThan(received[1]!.seq);
    expect(messagesOf(await outsider.pullAll())).toEqual([]);
    const [refused] = await outsider.push([outsider.mutation('message.send', { messageId: randomUUID(), conversationId: staffConversation, body: 'Let me in' })]);
    expect(refused).toMatchObject({ status: 'rejected', reason: 'forbidden' });
    // Sending the same message again (a device resending after a lost answer) does not duplicate it.
    const again = await clinician.push([clinician.mutation('message.send', { messageId: ids[0], conversationId: staffConversation, body: 'Staff note 0' })]);
    expect(again[0]!.status).toBe('applied');
    const { rows } = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM messages WHERE id = $1', [ids[0]]);
    expect(rows[0]!.n).toBe(1);
  });

  it('delivered when the recipient pulls, read when they mark it; the sender sees both', async () => {
    const clinician = new TestSyncClient(api, tokens.clinician!);
    const dispatcher = new TestSyncClient(api, tokens.dispatcher!);
    await Promise.all([clinician.pullAll(), dispatcher.pullAll()]);
    await clinician.push([clinician.mutation('message.send', { messageId: randomUUID(), conversationId: staffConversation, body: 'Are you there?' })]);
    const seq = messagesOf(await clinician.pullAll()).at(-1)!.seq;
    const dispatcherReader = `user:${clinic.users.dispatcher}`;
    expect(messagesOf(await dispatcher.pullAll()).at(-1)!.seq).toBe(seq);
    const delivered = conversationOf(await clinician.pullAll(), staffConversation)!;
    expect(delivered.receipts[dispatcherReader]!.deliveredSeq).toBe(seq);
    expect(delivered.receipts[dispatcherReader]!.readSeq).toBeLessThan(seq);
    const [read] = await dispatcher.push([dispatcher.mutation('message.markRead', { conversationId: staffConversation, upToSeq: seq + 1000 })]);
    expect(read!.status).toBe('applied');
    const after = conversationOf(await clinician.pullAll(), staffConversation)!;
    expect(after.receipts[dispatcherReader]!.readSeq).toBe(seq); // never past the last message
  });

  it('care conversations: the care team writes to a patient by the patient id; other clinicians cannot', async () => {
    const clinician = new TestSyncClient(api, tokens.clinician!);
    const other = new TestSyncClient(api, tokens.otherClinician!);
    await Promise.all([clinician.pullAll(), other.pullAll()]);
    const [sent] = await clinician.push([clinician.mutation('message.send', { messageId: randomUUID(), conversationId: clinic.ownPatientId, body: 'How is the rash today?' })]);
    expect(sent!.status).toBe('applied');
    const [denied] = await other.push([other.mutation('message.send', { messageId: randomUUID(), conversationId: clinic.ownPatientId, body: 'Hello' })]);
    expect(denied!.status).toBe('rejected');
    expect(messagesOf(await other.pullAll())).toEqual([]);
    const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'sync.message.send' AND patient_id = $1 AND outcome = 'allowed'`, [clinic.ownPatientId]);
    expect(rows[0]!.n).toBeGreaterThan(0);
  });

  it('the patient-principal path posts and reads only in the patient\'s own conversation', async () => {
    const result = await t.db.transaction((tx) => postPatientMessage(tx, { patientId: clinic.ownPatientId, visitId: clinic.ownAppointmentId, messageId: randomUUID(), body: 'It is itchy.' }));
    expect(result).toMatchObject({ ok: true, conversationId: clinic.ownPatientId });
    const own = await readMessages(t.db, { kind: 'patient', patientId: clinic.ownPatientId, visitId: null }, clinic.ownPatientId);
    expect(own!.map((m) => m.body)).toContain('It is itchy.');
    expect(await readMessages(t.db, { kind: 'patient', patientId: clinic.otherPatientId, visitId: null }, clinic.ownPatientId)).toBeNull();
    expect(await readMessages(t.db, { kind: 'patient', patientId: clinic.ownPatientId, visitId: null }, staffConversation)).toBeNull();
    const read = await t.db.transaction((tx) => markRead(tx, { kind: 'patient', patientId: clinic.otherPatientId, visitId: null }, clinic.ownPatientId, 1));
    expect(read).toMatchObject({ ok: false, reason: 'forbidden' });
    // The care team receives the patient's message.
    const clinician = new TestSyncClient(api, tokens.clinician!);
    const fromPatient = messagesOf(await clinician.pullAll()).find((m) => m.body === 'It is itchy.');
    expect(fromPatient?.senderKind).toBe('patient');
  });

  it('system messages: posted in plain language inside the caller\'s transaction, creating the conversation', async () => {
    const before = await count(t, 'conversations');
    await t.db.transaction((tx) => postSystemMessage(tx, clinic.otherPatientId, 'Your prescription has been picked up by the courier.'));
    expect(await count(t, 'conversations')).toBe(before + 1);
    await expect(t.db.transaction(async (tx) => {
      await postSystemMessage(tx, clinic.otherPatientId, 'This one is rolled back.');
      throw new Error('the caller failed');
    })).rejects.toThrow('the caller failed');
    const other = new TestSyncClient(api, tokens.otherClinician!);
    const bodies = messagesOf(await other.pullAll()).filter((m) => m.senderKind === 'system').map((m) => m.body);
    expect(bodies).toEqual(['Your prescription has been picked up by the courier.']);
  });

  it('refuses bad messages clearly and changes nothing', async () => {
    const clinician = new TestSyncClient(api, tokens.clinician!);
    const before = await count(t, 'messages');
    const results = await clinician.push([
      clinician.mutation('message.send', { messageId: randomUUID(), conversationId: staffConversation, body: '   ' }),
      clinician.mutation('message.send', { messageId: randomUUID(), conversationId: staffConversation, body: 'x'.repeat(MESSAGE_MAX_CHARS + 1) }),
      clinician.mutation('message.send', { messageId: randomUUID(), conversationId: randomUUID(), body: 'To nowhere' }),
      clinician.mutation('message.send', { messageId: randomUUID(), conversationId: staffConversation, body: 'With a stranger image', attachmentId: randomUUID() }),
    ]);
    expect(results.map((r) => r.status === 'rejected' && r.reason)).toEqual(['invalid_args', 'invalid_args', 'not_found', 'invalid_args']);
    expect(await count(t, 'messages')).toBe(before);
    await expect(t.db.query('DELETE FROM messages')).rejects.toThrow();
  });

  it('attachments: images checked by their bytes and size, stored once, readable by members only, audited', async () => {
    const upload = (token: string, conversationId: string, type: string, payload: Buffer) =>
      api.app.inject({ method: 'POST', url: `/api/chat/conversations/${conversationId}/attachments`, headers: { ...bearer(token), 'content-type': type }, payload });
    const before = await count(t, 'chat_attachments');
    const ok = await upload(tokens.clinician!, staffConversation, 'image/png', Buffer.from(PNG));
    expect(ok.statusCode).toBe(201);
    const attachment = ok.json().attachment as { id: string; contentType: string; byteSize: number };
    expect(attachment).toMatchObject({ contentType: 'image/png', byteSize: PNG.length });

    const disguised = await upload(tokens.clinician!, staffConversation, 'image/png', Buffer.from(JPEG));
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json().error.message).toMatch(/not the PNG, JPEG or WebP image/);
    const gif = await upload(tokens.clinician!, staffConversation, 'image/gif', Buffer.from('GIF89a....'));
    expect(gif.statusCode).toBe(415);
    const huge = Buffer.alloc(ATTACHMENT_MAX_BYTES + 1);
    Buffer.from(PNG).copy(huge);
    const tooLarge = await upload(tokens.clinician!, staffConversation, 'image/png', huge);
    expect(tooLarge.statusCode).toBe(413);
    const notMember = await upload(tokens.otherClinician!, staffConversation, 'image/png', Buffer.from(PNG));
    expect([403, 404]).toContain(notMember.statusCode);
    expect(await count(t, 'chat_attachments')).toBe(before + 1);

    const clinician = new TestSyncClient(api, tokens.clinician!);
    const [sent] = await clinician.push([clinician.mutation('message.send', { messageId: randomUUID(), conversationId: staffConversation, body: '', attachmentId: attachment.id })]);
    expect(sent!.status).toBe('applied');
    const [reused] = await clinician.push([clinician.mutation('message.send', { messageId: randomUUID(), conversationId: staffConversation, body: 'again', attachmentId: attachment.id })]);
    expect(reused).toMatchObject({ status: 'rejected', reason: 'invalid_args' });

    const download = await api.app.inject({ method: 'GET', url: `/api/chat/attachments/${attachment.id}`, headers: bearer(tokens.dispatcher!) });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(new Uint8Array(download.rawPayload)).toEqual(PNG);
    const refused = await api.app.inject({ method: 'GET', url: `/api/chat/attachments/${attachment.id}`, headers: bearer(tokens.otherClinician!) });
    expect(refused.statusCode).toBe(404);
    const { rows } = await t.db.query<{ outcome: string }>(`SELECT outcome FROM audit_log WHERE action = 'chat.attachment.read' AND resource_id = $1 ORDER BY id`, [attachment.id]);
    expect(rows.map((r) => r.outcome)).toEqual(['allowed', 'denied']);
  });

  it('attachments on the patient-principal path: own conversation only', async () => {
    const stored = await t.db.transaction((tx) => storeAttachment(tx, { kind: 'patient', patientId: clinic.ownPatientId, visitId: null }, { conversationId: clinic.ownPatientId, declaredType: 'image/jpeg', bytes: JPEG }));
    expect(stored.ok).toBe(true);
    if (!stored.ok) return;
    const elsewhere = await t.db.transaction((tx) => storeAttachment(tx, { kind: 'patient', patientId: clinic.ownPatientId, visitId: null }, { conversationId: staffConversation, declaredType: 'image/jpeg', bytes: JPEG }));
    expect(elsewhere).toMatchObject({ ok: false });
    expect((await readAttachment(t.db, { kind: 'patient', patientId: clinic.ownPatientId, visitId: null }, stored.attachment.id)).ok).toBe(true);
    expect((await readAttachment(t.db, { kind: 'patient', patientId: clinic.otherPatientId, visitId: null }, stored.attachment.id)).ok).toBe(false);
    expect((await readAttachment(t.db, { kind: 'staff', userId: clinic.users.clinician, role: 'clinician' }, stored.attachment.id)).ok).toBe(true);
    expect((await readAttachment(t.db, { kind: 'staff', userId: clinic.users.otherClinician, role: 'clinician' }, stored.attachment.id)).ok).toBe(false);
    const posted = await t.db.transaction((tx) => postPatientMessage(tx, { patientId: clinic.ownPatientId, messageId: randomUUID(), body: '', attachmentId: stored.attachment.id }));
    expect(posted.ok).toBe(true);
  });
});

describe.skipIf(!inject('pgUrl'))('chat across two server instances on one PostgreSQL', () => {
  let t: TestDatabase;
  let clinic: TestClinic;
  let a: TestApp;
  let b: TestApp;
  let secondPool: Awaited<ReturnType<typeof openPostgres>>;
  let conversationId: string;
  let urlA: string;
  beforeAll(async () => {
    t = await openTestDatabase('postgres');
    clinic = await seedTestClinic(t.db);
    conversationId = await t.db.transaction((tx) => createStaffConversation(tx, { createdBy: clinic.users.clinician, memberIds: [clinic.users.dispatcher] }));
    a = await buildTestApp(t.db);
    secondPool = await openPostgres({ connectionString: t.url! });
    b = await buildTestApp(secondPool);
    urlA = await listenForWs(a);
  });
  afterAll(async () => {
    await a.app.close();
    await b.app.close();
    await secondPool.close();
    await t.dispose();
  });

  it('a message sent on instance B reaches the dispatcher connected to instance A (poke, then pull)', async () => {
    const dispatcherOnA = (await signIn(a, clinic.emails.dispatcher)).accessToken;
    const clinicianOnB = (await signIn(b, clinic.emails.clinician)).accessToken;
    const probe = await connectProbe(urlA, { bearer: dispatcherOnA });
    await probe.next('hello');
    const receiver = new TestSyncClient(a, dispatcherOnA);
    await receiver.pullAll();
    const sender = new TestSyncClient(b, clinicianOnB);
    const [sent] = await sender.push([sender.mutation('message.send', { messageId: randomUUID(), conversationId, body: 'Across instances' })]);
    expect(sent!.status).toBe('applied');
    await probe.next('poke', 5000);
    expect(messagesOf(await receiver.pullAll()).map((m) => m.body)).toEqual(['Across instances']);
    probe.socket.close();
  });

  it('a patient\'s message written through instance B pokes their clinician connected to instance A', async () => {
    const clinicianOnA = (await signIn(a, clinic.emails.clinician)).accessToken;
    const probe = await connectProbe(urlA, { bearer: clinicianOnA });
    await probe.next('hello');
    const receiver = new TestSyncClient(a, clinicianOnA);
    await receiver.pullAll();
    const posted = await secondPool.transaction((tx) => postPatientMessage(tx, { patientId: clinic.ownPatientId, messageId: randomUUID(), body: 'From the join page' }));
    expect(posted.ok).toBe(true);
    await probe.next('poke', 5000);
    expect(messagesOf(await receiver.pullAll()).map((m) => m.body)).toEqual(['From the join page']);
    probe.socket.close();
  });
});
