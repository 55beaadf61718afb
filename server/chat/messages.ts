// Posts messages in server order (one sequence, taken while the conversation row is locked) and records
// them for sync; used by the staff mutation, the patient's side and system messages alike.
import type { Queryable } from '../db/database';
import type { EntityState } from '../../shared/sync/protocol';
import { MESSAGE_MAX_CHARS } from '../../shared/domain/chat';
import { recordChange } from '../sync/change-log';
import type { ChatPrincipal, ConversationRow } from './chat-principal';
import { isConversationMember, loadConversation } from './chat-principal';
import { careConversationId, ensureCareConversation } from './conversations';

export type Sender = ChatPrincipal | { kind: 'system' };

export type PostFailure = { ok: false; reason: 'forbidden' | 'not_found' | 'invalid_args'; message: string };
/** A post's outcome; `state` is the message as recorded for sync (null for a repeated post, which records nothing). */
export type PostResult = { ok: true; messageId: string; seq: number; conversationId: string; patientId: string | null; duplicate: boolean; state: EntityState | null } | PostFailure;

export interface PostInput {
  messageId: string;
  conversationId: string;
  body: string;
  attachmentId?: string | null;
}

const fail = (reason: PostFailure['reason'], message: string): PostFailure => ({ ok: false, reason, message });

/** The conversation to post into: an existing one, or a patient's care conversation created on first use. */
async function conversationFor(tx: Queryable, sender: Sender, conversationId: string): Promise<ConversationRow | null> {
  // A staff sender's member-list check comes with the locked row (one round trip instead of two).
  const existing = await loadConversation(tx, conversationId, { lock: true, ...(sender.kind === 'staff' ? { memberUserId: sender.userId } : {}) });
  if (existing) return existing;
  // A care conversation's id is its patient's id: create it when that patient exists and the sender may see them.
  if (sender.kind === 'staff') {
    const patientId = conversationId;
    const probe: ConversationRow = { id: careConversationId(patientId), kind: 'care', patient_id: patientId, last_message_seq: 0 };
    if (!(await isConversationMember(tx, sender, probe))) return null;
    return ensureCareConversation(tx, patientId);
  }
  if (sender.kind === 'patient' && conversationId === careConversationId(sender.patientId)) return ensureCareConversation(tx, sender.patientId);
  if (sender.kind === 'system') return ensureCareConversation(tx, conversationId);
  return null;
}

/** Posts one message. Sending the same message id again by the same sender answers the first post. */
export async function postMessage(tx: Queryable, sender: Sender, input: PostInput): Promise<PostResult> {
  const body = input.body.trim();
  const attachmentId = input.attachmentId ?? null;
  if (body.length > MESSAGE_MAX_CHARS) return fail('invalid_args', `A message can be at most ${MESSAGE_MAX_CHARS} characters.`);
  if (body.length === 0 && !attachmentId) return fail('invalid_args', 'A message needs text or an image.');

  const conversation = await conversationFor(tx, sender, input.conversationId);
  if (!conversation) return fail('not_found', 'This conversation does not exist or you are not in it.');
  if (sender.kind !== 'system' && !(await isConversationMember(tx, sender, conversation))) return fail('forbidden', 'You are not a member of this conversation.');
  if (sender.kind === 'system' && conversation.kind !== 'care') return fail('invalid_args', 'System messages go to care conversations only.');

  const senderKind = sender.kind;
  const senderUserId = sender.kind === 'staff' ? sender.userId : null;
  const previous = await tx.query<{ conversation_id: string; sender_kind: string; sender_user_id: string | null; seq: number }>(
    'SELECT conversation_id, sender_kind, sender_user_id, seq FROM messages WHERE id = $1', [input.messageId]);
  const prior = previous.rows[0];
  if (prior) {
    if (prior.conversation_id === conversation.id && prior.sender_kind === senderKind && prior.sender_user_id === senderUserId) {
      return { ok: true, messageId: input.messageId, seq: prior.seq, conversationId: conversation.id, patientId: conversation.patient_id, duplicate: true, state: null };
    }
    return fail('invalid_args', 'A different message already has this id.');
  }

  if (attachmentId) {
    const { rows } = await tx.query<{ conversation_id: string; uploader_user_id: string | null; uploader_patient_id: string | null; used: boolean }>(
      `SELECT a.conversation_id, a.uploader_user_id, a.uploader_patient_id, EXISTS (SELECT 1 FROM messages m WHERE m.attachment_id = a.id) AS used
         FROM chat_attachments a WHERE a.id = $1`, [attachmentId]);
    const a = rows[0];
    const mine = a && (sender.kind === 'staff' ? a.uploader_user_id === sender.userId : sender.kind === 'patient' && a.uploader_patient_id === sender.patientId);
    if (!a || !mine || a.conversation_id !== conversation.id) return fail('invalid_args', 'The attached image was not uploaded to this conversation by you.');
    if (a.used) return fail('invalid_args', 'This image is already attached to another message.');
  }

  // The conversation row keeps the last seq (receipts are clamped to it), set in the same statement as the
  // insert; devices order by their messages, so a post records only the message (half the change-log work).
  const { rows } = await tx.query<{ seq: number }>(
    `WITH posted AS (
       INSERT INTO messages (id, conversation_id, seq, sender_kind, sender_user_id, body, attachment_id)
       VALUES ($1, $2, nextval('message_seq'), $3, $4, $5, $6) RETURNING seq)
     UPDATE conversations SET last_message_seq = posted.seq FROM posted WHERE conversations.id = $2 RETURNING posted.seq`,
    [input.messageId, conversation.id, senderKind, senderUserId, body, attachmentId]);
  const seq = rows[0]!.seq;
  const state = await recordChange(tx, 'message', input.messageId);
  return { ok: true, messageId: input.messageId, seq, conversationId: conversation.id, patientId: conversation.patient_id, duplicate: false, state };
}

/** The patient's side: post into their own care conversation (created if missing). */
export function postPatientMessage(tx: Queryable, input: { patientId: string; visitId?: string | null; messageId: string; body: string; attachmentId?: string | null }): Promise<PostResult> {
  return postMessage(tx, { kind: 'patient', patientId: input.patientId, visitId: input.visitId ?? null }, {
    messageId: input.messageId, conversationId: careConversationId(input.patientId), body: input.body, attachmentId: input.attachmentId ?? null,
  });
}

export interface MessageRow {
  id: string;
  seq: number;
  sender_kind: 'staff' | 'patient' | 'system';
  sender_name: string | null;
  body: string;
  attachment_id: string | null;
  sent_at: Date;
}

/** The messages of a conversation after a seq, oldest first, when the principal is a member (else null). */
export async function readMessages(tx: Queryable, principal: ChatPrincipal, conversationId: string, afterSeq = 0, limit = 200): Promise<MessageRow[] | null> {
  const conversation = await loadConversation(tx, conversationId);
  if (!conversation || !(await isConversationMember(tx, principal, conversation))) return null;
  const { rows } = await tx.query<MessageRow>(
    `SELECT m.id, m.seq, m.sender_kind, u.display_name AS sender_name, m.body, m.attachment_id, m.sent_at
       FROM messages m LEFT JOIN users u ON u.id = m.sender_user_id
      WHERE m.conversation_id = $1 AND m.seq > $2 ORDER BY m.seq LIMIT $3`, [conversationId, afterSeq, limit]);
  return rows;
}
