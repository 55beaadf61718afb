// The join page's chat state: server order with own pending messages last, "Not sent" kept with a retry under
// the same id, "Read" from the care team's read mark, read marks for shown messages, refreshes coalesced.
import { describe, expect, it } from 'vitest';
import { PatientChat } from '../../renderer/join/patient-chat';
import type { PatientChatApi } from '../../renderer/join/patient-chat';
import type { JoinMessage, JoinSendMessageRequest } from '../../shared/api/join-chat';
import type { ApiFailure, Result } from '../../renderer/platform/result';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const msg = (n: number, from: JoinMessage['from'], body: string): JoinMessage => ({ id: id(n), seq: n, from, senderName: from === 'care_team' ? 'Dr. Ada' : '', body, attachment: null, sentAt: '2026-11-28T10:00:00.000Z' });
const offline: ApiFailure = { status: 0, code: 'network_error', message: 'The care server cannot be reached.' };

/** A fake server: a message list, a read mark of the care team, and switches to fail sends. */
function fakeServer() {
  const server = { messages: [] as JoinMessage[], careTeamReadSeq: 0, failSends: false, reads: [] as number[], fetches: [] as number[], sends: [] as JoinSendMessageRequest[] };
  const api: PatientChatApi = {
    async getMessages(after) {
      server.fetches.push(after);
      return { ok: true, value: { messages: server.messages.filter((m) => m.seq > after), careTeamReadSeq: server.careTeamReadSeq } };
    },
    async send(request): Promise<Result<JoinMessage>> {
      server.sends.push(request);
      if (server.failSends) return { ok: false, error: offline };
      const existing = server.messages.find((m) => m.id === request.messageId);
      if (existing) return { ok: true, value: existing };
      const created = { ...msg(server.messages.length + 1, 'you', request.body), id: request.messageId };
      server.messages.push(created);
      return { ok: true, value: created };
    },
    async markRead(upToSeq) {
      server.reads.push(upToSeq);
      return { ok: true, value: true };
    },
    async upload() {
      return { ok: true, value: { id: id(999), contentType: 'image/png', byteSize: 10 } };
    },
  };
  return { server, api };
}

describe('the join page chat', () => {
  it('shows the history in server order, marks others\' messages read once, and shows "Read" once the care team read', async () => {
    const { server, api } = fakeServer();
    server.messages.push(msg(1, 'system', 'Your prescription is on its way'), msg(2, 'care_team', 'Hello'));
    let n = 100;
    const chat = new PatientChat(api, () => id(n++));
    await chat.refresh();
    expect(chat.getState().messages.map((m) => [m.from, m.body])).toEqual([['system', 'Your prescription is on its way'], ['care_team', 'Hello']]);
    expect(server.reads).toEqual([2]);

    expect(await chat.send('  Hi there  ')).toBe(true);
    expect(await chat.send('   ')).toBe(false);
    expect(chat.getState().messages.at(-1)).toMatchObject({ from: 'you', body: 'Hi there', seq: 3, delivery: 'sent' });
    server.careTeamReadSeq = 3;
    await chat.refresh();
    expect(server.fetches.at(-1)).toBe(3);
    expect(chat.getState().messages.at(-1)).toMatchObject({ body: 'Hi there', delivery: 'read' });
    expect(server.reads).toEqual([2]);
  });

  it('keeps a message that could not be sent, with the reason, and sends it again with the same id', async () => {
    const { server, api } = fakeServer();
    const chat = new PatientChat(api, () => id(500));
    await chat.refresh();
    server.failSends = true;
    await chat.send('Are you there?');
    expect(chat.getState().messages).toMatchObject([{ id: id(500), seq: null, delivery: 'not_sent', error: 'The care server cannot be reached.' }]);
    server.failSends = false;
    await chat.retry(id(500));
    expect(server.sends.map((s) => s.messageId)).toEqual([id(500), id(500)]);
    expect(chat.getState().messages).toMatchObject([{ id: id(500), seq: 1, delivery: 'sent', error: null }]);
  });

  it('refuses images of other types or too large before uploading, and sends an uploaded one as a message', async () => {
    const { server, api } = fakeServer();
    const chat = new PatientChat(api, () => id(700));
    expect(await chat.attach(new Blob(['GIF89a'], { type: 'image/gif' }))).toBe('Attach a PNG, JPEG or WebP image.');
    expect(await chat.attach(new Blob([new Uint8Array(5 * 1024 * 1024 + 1)], { type: 'image/png' }))).toBe('The image is larger than 5 MB.');
    expect(server.sends).toEqual([]);
    expect(await chat.attach(new Blob([new Uint8Array([0x89, 0x50])], { type: 'image/png' }))).toBeNull();
    expect(server.sends).toEqual([{ messageId: id(700), body: '', attachmentId: id(999) }]);
  });

  it('says when the server no longer accepts the visit session', async () => {
    const { api } = fakeServer();
    const chat = new PatientChat({ ...api, getMessages: async () => ({ ok: false, error: { status: 401, code: 'unauthenticated', message: 'This visit session has ended.' } }) });
    await chat.refresh();
    expect(chat.getState()).toMatchObject({ sessionEnded: true, problem: 'This visit session has ended.' });
    const flaky = new PatientChat({ ...api, getMessages: async () => ({ ok: false, error: offline }) });
    await flaky.refresh();
    expect(flaky.getState()).toMatchObject({ sessionEnded: false, problem: 'The care server cannot be reached.' });
  });

  it('runs refreshes asked for during one as one more, not one each', async () => {
    const { server, api } = fakeServer();
    const chat = new PatientChat(api);
    await Promise.all([chat.refresh(), chat.refresh(), chat.refresh(), chat.refresh()]);
    expect(server.fetches.length).toBe(2);
  });
});
