// Chat reads for the live-query hooks: conversations with unread counts, a conversation's thread in server
// order (unsent messages last), and each own message's state (sending / sent / delivered / read).
import type { CacheCore } from './cache';
import type { LocalConversation, LocalMessage, MessageDelivery } from './contract';
import { DataError } from './errors';
import { entityKey, openView } from './entity-store';
import type { EntityRow } from './schema';

type Receipts = Record<string, { deliveredSeq: number; readSeq: number }>;
interface ConversationData {
  id: string;
  kind: 'care' | 'staff';
  patientId: string | null;
  title: string;
  members: Array<{ userId: string; name: string }>;
  receipts: Receipts;
  lastMessageSeq: number;
}
type MessageData = Omit<LocalMessage, 'pending' | 'delivery' | 'mine'>;

/** A staff conversation is named by its other members (the server's title names everyone). */
function titleFor(core: CacheCore, c: ConversationData): string {
  if (c.kind !== 'staff') return c.title;
  const others = c.members.filter((m) => m.userId !== core.userId).map((m) => m.name);
  return others.length > 0 ? others.join(', ') : c.title;
}

async function open<T>(core: CacheCore, entity: 'conversation' | 'message', rows: readonly EntityRow[]): Promise<Array<T & { pending: boolean }>> {
  try {
    const opened = await Promise.resolve(Promise.all(rows.map((row) => openView(core.key, entityKey(entity, row.id), row))));
    return opened.flatMap((data, i) => (data ? [{ ...(data as T), pending: rows[i]!.pending > 0 }] : []));
  } catch {
    throw new DataError('locked', 'Offline data on this device cannot be read.');
  }
}

/** Own message state from the other readers' marks; null for messages of others. */
export function deliveryOf(message: { seq: number | null; senderUserId: string | null; pending: boolean }, receipts: Receipts, userId: string): MessageDelivery | null {
  if (message.senderUserId !== userId) return null;
  if (message.seq === null || message.pending) return 'sending';
  const others = Object.entries(receipts).filter(([reader]) => reader !== `user:${userId}`).map(([, r]) => r);
  if (others.some((r) => r.readSeq >= message.seq!)) return 'read';
  if (others.some((r) => r.deliveredSeq >= message.seq!)) return 'delivered';
  return 'sent';
}

/** Messages from others after the user's read mark. */
export function unreadCount(messages: ReadonlyArray<{ seq: number | null; senderUserId: string | null }>, receipts: Receipts, userId: string): number {
  const readSeq = receipts[`user:${userId}`]?.readSeq ?? 0;
  return messages.filter((m) => m.seq !== null && m.seq > readSeq && m.senderUserId !== userId).length;
}

const inThreadOrder = (a: LocalMessage, b: LocalMessage) =>
  (a.seq ?? Number.MAX_SAFE_INTEGER) - (b.seq ?? Number.MAX_SAFE_INTEGER) || a.sentAt.localeCompare(b.sentAt);

function toLocal(core: CacheCore, messages: Array<MessageData & { pending: boolean }>, receipts: Receipts): LocalMessage[] {
  return messages
    .map((m) => ({ ...m, mine: m.senderUserId === core.userId, delivery: deliveryOf(m, receipts, core.userId) }))
    .sort(inThreadOrder);
}

/** Every conversation on the device with its unread count and last message, most recent first. */
export async function queryConversations(core: CacheCore): Promise<LocalConversation[]> {
  const [conversationRows, messageRows] = await Promise.all([core.db.conversations.toArray(), core.db.messages.toArray()]);
  const [conversations, messages] = await Promise.all([open<ConversationData>(core, 'conversation', conversationRows), open<MessageData>(core, 'message', messageRows)]);
  const byConversation = new Map<string, Array<MessageData & { pending: boolean }>>();
  for (const m of messages) {
    const list = byConversation.get(m.conversationId) ?? [];
    list.push(m);
    byConversation.set(m.conversationId, list);
  }
  return conversations
    .map((c): LocalConversation => {
      const receipts = c.receipts ?? {};
      const thread = toLocal(core, byConversation.get(c.id) ?? [], receipts);
      return {
        id: c.id, kind: c.kind, patientId: c.patientId, title: titleFor(core, c), members: c.members, pending: c.pending,
        unread: unreadCount(thread, receipts, core.userId), lastMessage: thread.at(-1) ?? null, lastMessageSeq: c.lastMessageSeq,
      };
    })
    .sort((a, b) => (b.lastMessage?.seq ?? b.lastMessageSeq) - (a.lastMessage?.seq ?? a.lastMessageSeq) || a.title.localeCompare(b.title));
}

/** One conversation's messages in order (also for a care conversation not created on the server yet). */
export async function queryThread(core: CacheCore, conversationId: string): Promise<{ conversation: LocalConversation | null; messages: LocalMessage[] }> {
  const [conversationRow, messageRows] = await Promise.all([
    core.db.conversations.get(conversationId), core.db.messages.where('conversationId').equals(conversationId).toArray(),
  ]);
  const [conversations, messages] = await Promise.all([
    open<ConversationData>(core, 'conversation', conversationRow ? [conversationRow] : []), open<MessageData>(core, 'message', messageRows),
  ]);
  const c = conversations[0];
  const receipts = c?.receipts ?? {};
  const thread = toLocal(core, messages, receipts);
  const conversation: LocalConversation | null = c
    ? { id: c.id, kind: c.kind, patientId: c.patientId, title: titleFor(core, c), members: c.members, pending: c.pending, unread: unreadCount(thread, receipts, core.userId), lastMessage: thread.at(-1) ?? null, lastMessageSeq: c.lastMessageSeq }
    : null;
  return { conversation, messages: thread };
}

/** Unread messages across every conversation (for the navigation badge). */
export async function queryUnreadTotal(core: CacheCore): Promise<number> {
  return (await queryConversations(core)).reduce((n, c) => n + c.unread, 0);
}

