// Delivered and read marks per reader and conversation. Marks only move forward, never past the last
// message; a mark that moved is recorded as a conversation change so the senders see it.
import type { Queryable } from '../db/database';
import type { Change } from '../../shared/sync/protocol';
import { recordChange } from '../sync/change-log';
import type { ChatPrincipal } from './chat-principal';
import { isConversationMember, loadConversation, readerOf } from './chat-principal';

export type ReceiptResult = { ok: true; moved: boolean } | { ok: false; reason: 'not_found' | 'forbidden'; message: string };

async function moveMarks(tx: Queryable, conversationId: string, reader: string, upToSeq: number, read: boolean): Promise<boolean> {
  const { rows } = await tx.query<{ moved: boolean }>(
    `INSERT INTO conversation_receipts (conversation_id, reader, delivered_seq, read_seq)
     SELECT c.id, $2, LEAST($3::bigint, c.last_message_seq), CASE WHEN $4 THEN LEAST($3::bigint, c.last_message_seq) ELSE 0 END FROM conversations c WHERE c.id = $1
     ON CONFLICT (conversation_id, reader) DO UPDATE
       SET delivered_seq = GREATEST(conversation_receipts.delivered_seq, EXCLUDED.delivered_seq),
           read_seq = GREATEST(conversation_receipts.read_seq, EXCLUDED.read_seq)
       WHERE EXCLUDED.delivered_seq > conversation_receipts.delivered_seq OR EXCLUDED.read_seq > conversation_receipts.read_seq
     RETURNING true AS moved`,
    [conversationId, reader, upToSeq, read]);
  if (rows.length === 0) return false;
  await tx.query('UPDATE conversations SET version = version + 1 WHERE id = $1', [conversationId]);
  await recordChange(tx, 'conversation', conversationId);
  return true;
}

/** The reader has read (and so received) the conversation up to this message seq. */
export async function markRead(tx: Queryable, principal: ChatPrincipal, conversationId: string, upToSeq: number): Promise<ReceiptResult> {
  const conversation = await loadConversation(tx, conversationId, { lock: true });
  if (!conversation) return { ok: false, reason: 'not_found', message: 'This conversation does not exist.' };
  if (!(await isConversationMember(tx, principal, conversation))) return { ok: false, reason: 'forbidden', message: 'You are not a member of this conversation.' };
  return { ok: true, moved: await moveMarks(tx, conversationId, readerOf(principal), upToSeq, true) };
}

/** The reader's device received these messages: moves their delivered marks (pulled changes are in scope already). */
export async function markDelivered(tx: Queryable, principal: ChatPrincipal, upTo: ReadonlyMap<string, number>): Promise<number> {
  // Every row lock first, in id order, and only then the change-log lock (which recordChange takes): the
  // same order as posting a message, so a pull and a post never wait on each other in a cycle.
  const members: Array<[string, number]> = [];
  for (const [conversationId, seq] of [...upTo].sort(([a], [b]) => a.localeCompare(b))) {
    const conversation = await loadConversation(tx, conversationId, { lock: true });
    if (conversation && (await isConversationMember(tx, principal, conversation))) members.push([conversationId, seq]);
  }
  let moved = 0;
  for (const [conversationId, seq] of members) if (await moveMarks(tx, conversationId, readerOf(principal), seq, false)) moved += 1;
  return moved;
}

/** Per conversation, the highest seq among pulled messages someone else sent (what this pull delivered). */
export function deliveredByPull(changes: readonly Change[], userId: string): Map<string, number> {
  const upTo = new Map<string, number>();
  for (const c of changes) {
    if (c.entity !== 'message' || c.deleted || !c.data) continue;
    const { conversationId, seq, senderUserId } = c.data as { conversationId?: unknown; seq?: unknown; senderUserId?: unknown };
    if (typeof conversationId !== 'string' || typeof seq !== 'number' || senderUserId === userId) continue;
    upTo.set(conversationId, Math.max(upTo.get(conversationId) ?? 0, seq));
  }
  return upTo;
}
