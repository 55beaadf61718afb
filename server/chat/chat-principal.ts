// Who is acting in chat: a signed-in staff user, or a patient in their own visit (the join-page session),
// and which conversations each may read and write.
import type { Queryable } from '../db/database';
import type { Role } from '../../shared/domain/roles';
import { readerKey } from '../../shared/domain/chat';
import { canSeePatient } from '../auth/patient-access';

export type ChatPrincipal =
  | { kind: 'staff'; userId: string; role: Role }
  /** A patient admitted to a visit: may use their own care conversation only. */
  | { kind: 'patient'; patientId: string; visitId: string | null };

export const staffPrincipal = (p: { userId: string; role: Role }): ChatPrincipal => ({ kind: 'staff', userId: p.userId, role: p.role });

export const readerOf = (principal: ChatPrincipal): string =>
  principal.kind === 'staff' ? readerKey({ userId: principal.userId }) : readerKey({ patientId: principal.patientId });

export interface ConversationRow {
  id: string;
  kind: 'care' | 'staff';
  patient_id: string | null;
  last_message_seq: number;
  /** Whether options.memberUserId is in the conversation's member list (staff conversations); absent when not asked. */
  is_listed_member?: boolean;
}

/** The conversation row (locked when asked); with memberUserId, its member-list check comes in the same query. */
export async function loadConversation(tx: Queryable, conversationId: string, options: { lock?: boolean; memberUserId?: string } = {}): Promise<ConversationRow | null> {
  const member = options.memberUserId !== undefined;
  const { rows } = await tx.query<ConversationRow>(
    `SELECT c.id, c.kind, c.patient_id, c.last_message_seq
            ${member ? ', EXISTS (SELECT 1 FROM conversation_members m WHERE m.conversation_id = c.id AND m.user_id = $2) AS is_listed_member' : ''}
       FROM conversations c WHERE c.id = $1 ${options.lock ? 'FOR UPDATE OF c' : ''}`,
    member ? [conversationId, options.memberUserId] : [conversationId]);
  return rows[0] ?? null;
}

/** Care conversations: the patient and the staff who may see the patient; staff conversations: their members. */
export async function isConversationMember(tx: Queryable, principal: ChatPrincipal, conversation: ConversationRow): Promise<boolean> {
  if (principal.kind === 'patient') return conversation.kind === 'care' && conversation.patient_id === principal.patientId;
  if (conversation.kind === 'care') return canSeePatient(tx, principal, conversation.patient_id!);
  // Already answered when the row was loaded for this user (see loadConversation's memberUserId).
  if (conversation.is_listed_member !== undefined) return conversation.is_listed_member;
  const { rows } = await tx.query('SELECT 1 FROM conversation_members WHERE conversation_id = $1 AND user_id = $2', [conversation.id, principal.userId]);
  return rows.length > 0;
}
