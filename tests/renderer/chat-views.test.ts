// How the workstation words an own message's state and counts unread messages from the readers' marks.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { deliveryOf, unreadCount } from '../../renderer/data/chat-queries';

const me = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const other = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

describe('chat views', () => {
  const receipts = { [`user:${me}`]: { deliveredSeq: 10, readSeq: 10 }, [`user:${other}`]: { deliveredSeq: 8, readSeq: 6 } };
  it('own messages: sending, sent, delivered, read; others\' messages have no state', () => {
    expect(deliveryOf({ seq: null, senderUserId: me, pending: true }, receipts, me)).toBe('sending');
    expect(deliveryOf({ seq: 9, senderUserId: me, pending: false }, receipts, me)).toBe('sent');
    expect(deliveryOf({ seq: 8, senderUserId: me, pending: false }, receipts, me)).toBe('delivered');
    expect(deliveryOf({ seq: 6, senderUserId: me, pending: false }, receipts, me)).toBe('read');
    expect(deliveryOf({ seq: 6, senderUserId: other, pending: false }, receipts, me)).toBeNull();
    // The user's own marks never make their message "read".
    expect(deliveryOf({ seq: 10, senderUserId: me, pending: false }, { [`user:${me}`]: { deliveredSeq: 10, readSeq: 10 } }, me)).toBe('sent');
  });
  it('unread: messages from others after the user\'s read mark', () => {
    const messages = [
      { seq: 9, senderUserId: other }, { seq: 11, senderUserId: other }, { seq: 12, senderUserId: null }, { seq: 13, senderUserId: me }, { seq: null, senderUserId: me },
    ];
    expect(unreadCount(messages, receipts, me)).toBe(2);
    expect(unreadCount(messages, {}, me)).toBe(3);
  });
});
