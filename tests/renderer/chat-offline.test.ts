// Chat through the data layer: messages written offline show at once as "sending", survive an app restart,
// and reach the server in the order written when the network returns; the other member's device receives
// them with an unread count, and reading them shows "read" on the sender's device.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from './support/server';
import { startTestServer } from './support/server';
import type { TestDevice } from './support/devices';
import { openDevice } from './support/devices';
import { statusOf } from './support/inspect';
import { queryConversations, queryThread } from '../../renderer/data/chat-queries';
import { createStaffConversation } from '../../server/chat/conversations';

async function until(condition: () => Promise<boolean> | boolean, timeoutMs = 8_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('chat through the offline data layer', () => {
  let server: TestServer;
  let conversationId: string;
  const devices: TestDevice[] = [];
  beforeAll(async () => {
    server = await startTestServer({ onDisk: true });
    const { users } = server.clinic;
    conversationId = await server.db().transaction((tx) => createStaffConversation(tx, { createdBy: users.clinician, memberIds: [users.dispatcher] }));
  });
  afterAll(async () => {
    for (const d of devices) await d.close().catch(() => undefined);
    await server.close();
  });

  it('queues offline messages, sends them in order after reconnecting, and tracks unread and read', async () => {
    const clinician = await openDevice(server, server.clinic.emails.clinician);
    const dispatcher = await openDevice(server, server.clinic.emails.dispatcher);
    devices.push(clinician, dispatcher);
    await clinician.layer.leadership;
    await dispatcher.layer.leadership;
    await clinician.layer.sync();
    await dispatcher.layer.sync();
    expect((await queryConversations(clinician.layer.core)).map((c) => c.id)).toEqual([conversationId]);

    clinician.network.online = false;
    const bodies = ['First, written offline', 'Second, written offline', 'Third, written offline'];
    for (const body of bodies) await clinician.layer.actions.sendMessage({ conversationId, body });
    const offline = await queryThread(clinician.layer.core, conversationId);
    expect(offline.messages.map((m) => [m.body, m.delivery])).toEqual(bodies.map((b) => [b, 'sending']));
    await clinician.restart(); // the app closes and opens again, still offline
    await clinician.layer.leadership;
    expect(await statusOf(clinician.layer)).toMatchObject({ pendingCount: 3 });

    clinician.network.online = true;
    clinician.env.fireOnline();
    await until(async () => (await statusOf(clinician.layer)).allSynced);
    const { rows } = await server.db().query<{ body: string }>('SELECT body FROM messages WHERE conversation_id = $1 ORDER BY seq', [conversationId]);
    expect(rows.map((r) => r.body)).toEqual(bodies);

    await dispatcher.layer.sync();
    const [received] = await queryConversations(dispatcher.layer.core);
    expect(received!.unread).toBe(3);
    const thread = await queryThread(dispatcher.layer.core, conversationId);
    expect(thread.messages.map((m) => m.body)).toEqual(bodies);
    expect(thread.messages.every((m) => !m.mine && m.delivery === null)).toBe(true);

    await clinician.layer.sync();
    expect((await queryThread(clinician.layer.core, conversationId)).messages.map((m) => m.delivery)).toEqual(['delivered', 'delivered', 'delivered']);

    await dispatcher.layer.actions.markConversationRead(conversationId, thread.messages.at(-1)!.seq!);
    expect((await queryConversations(dispatcher.layer.core))[0]!.unread).toBe(0); // at once, before the server answers
    await dispatcher.layer.sync();
    await clinician.layer.sync();
    expect((await queryThread(clinician.layer.core, conversationId)).messages.map((m) => m.delivery)).toEqual(['read', 'read', 'read']);
  });
});
