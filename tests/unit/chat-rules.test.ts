// Chat rules shared by the server and the workstation: image types by their bytes, message limits, and the
// optimistic effects of message.send and message.markRead.
import { describe, expect, it } from 'vitest';
import { sniffImageType } from '../../shared/chat/image-type';
import { CLINICIAN_QUICK_REPLIES } from '../../shared/chat/quick-replies';
import { MESSAGE_MAX_CHARS } from '../../shared/domain/chat';
import { mutationArgs } from '../../shared/sync/mutations';
import { applyLocalEffect, mutationTarget } from '../../shared/sync/local-effects';

const bytes = (...b: number[]) => Uint8Array.from(b);
const ctx = { userId: '11111111-1111-4111-8111-111111111111', nowIso: '2026-01-01T10:00:00.000Z' };
const ids = { message: '22222222-2222-4222-8222-222222222222', conversation: '33333333-3333-4333-8333-333333333333' };

describe('image types by magic bytes', () => {
  it('recognises PNG, JPEG and WebP, and nothing else', () => {
    expect(sniffImageType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
    expect(sniffImageType(bytes(0xff, 0xd8, 0xff, 0xe1))).toBe('image/jpeg');
    expect(sniffImageType(bytes(0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50))).toBe('image/webp');
    expect(sniffImageType(bytes(0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x41, 0x56, 0x45))).toBeNull(); // RIFF WAVE
    expect(sniffImageType(new TextEncoder().encode('GIF89a'))).toBeNull();
    expect(sniffImageType(bytes(0x89, 0x50))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
  });
});

describe('message.send arguments', () => {
  const parse = (args: unknown) => mutationArgs['message.send'].safeParse(args);
  it('needs text or an image, within the length limit', () => {
    expect(parse({ messageId: ids.message, conversationId: ids.conversation, body: 'Hello' }).success).toBe(true);
    expect(parse({ messageId: ids.message, conversationId: ids.conversation, body: '   ' }).success).toBe(false);
    expect(parse({ messageId: ids.message, conversationId: ids.conversation, body: '', attachmentId: ids.message }).success).toBe(true);
    expect(parse({ messageId: ids.message, conversationId: ids.conversation, body: 'x'.repeat(MESSAGE_MAX_CHARS + 1) }).success).toBe(false);
    expect(parse({ messageId: 'not-a-uuid', conversationId: ids.conversation, body: 'Hello' }).success).toBe(false);
    expect(parse({ messageId: ids.message, conversationId: ids.conversation, body: 'Hello', extra: 1 }).success).toBe(false);
  });
  it('quick replies fit in a message', () => {
    for (const q of CLINICIAN_QUICK_REPLIES) expect(parse({ messageId: ids.message, conversationId: ids.conversation, body: q.text }).success).toBe(true);
  });
});

describe('chat local effects', () => {
  it('message.send creates the message as unsent from this user; a sent one is left alone', () => {
    const args = { messageId: ids.message, conversationId: ids.conversation, body: 'Hello', attachmentId: null };
    expect(mutationTarget('message.send', args)).toEqual({ entity: 'message', id: ids.message, patientId: null });
    const created = applyLocalEffect('message.send', null, args, ctx);
    expect(created).toMatchObject({ id: ids.message, conversationId: ids.conversation, seq: null, senderUserId: ctx.userId, body: 'Hello', sentAt: ctx.nowIso });
    const server = { ...created, seq: 7, senderName: 'Dr. A' };
    expect(applyLocalEffect('message.send', server, args, ctx)).toBe(server);
  });
  it('message.markRead only moves the user\'s own marks forward', () => {
    const conversation = { id: ids.conversation, receipts: { [`user:${ctx.userId}`]: { deliveredSeq: 9, readSeq: 5 }, 'user:other': { deliveredSeq: 1, readSeq: 1 } } };
    const forward = applyLocalEffect('message.markRead', conversation, { conversationId: ids.conversation, upToSeq: 8 }, ctx) as typeof conversation;
    expect(forward.receipts[`user:${ctx.userId}`]).toEqual({ deliveredSeq: 9, readSeq: 8 });
    expect(forward.receipts['user:other']).toEqual({ deliveredSeq: 1, readSeq: 1 });
    const back = applyLocalEffect('message.markRead', forward, { conversationId: ids.conversation, upToSeq: 3 }, ctx) as typeof conversation;
    expect(back.receipts[`user:${ctx.userId}`]).toEqual({ deliveredSeq: 9, readSeq: 8 });
  });
});
