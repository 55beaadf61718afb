// Creates conversations: a patient's care conversation (its id is the patient's id, so a device can write
// to it offline before it exists on the server) and staff conversations between staff users.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database';
import { recordChange } from '../sync/change-log';
import type { ConversationRow } from './chat-principal';
import { loadConversation } from './chat-principal';

/** The id of a patient's care conversation. */
export const careConversationId = (patientId: string): string => patientId;

/** The patient's care conversation, created (and recorded for sync) if missing; null when there is no such patient. */
export async function ensureCareConversation(tx: Queryable, patientId: string): Promise<ConversationRow | null> {
  const existing = await loadConversation(tx, careConversationId(patientId), { lock: true });
  if (existing) return existing;
  const patient = await tx.query('SELECT 1 FROM patients WHERE id = $1', [patientId]);
  if (patient.rows.length === 0) return null;
  const inserted = await tx.query(
    `INSERT INTO conversations (id, kind, patient_id) VALUES ($1, 'care', $2) ON CONFLICT DO NOTHING`, [careConversationId(patientId), patientId]);
  if (inserted.rowCount && inserted.rowCount > 0) await recordChange(tx, 'conversation', careConversationId(patientId));
  return loadConversation(tx, careConversationId(patientId), { lock: true });
}

/** A conversation between staff users (the creator is always a member). */
export async function createStaffConversation(tx: Queryable, input: { createdBy: string; memberIds: readonly string[]; title?: string | null; id?: string }): Promise<string> {
  const id = input.id ?? randomUUID();
  const members = [...new Set([input.createdBy, ...input.memberIds])];
  await tx.query(`INSERT INTO conversations (id, kind, title, created_by) VALUES ($1, 'staff', $2, $3)`, [id, input.title ?? null, input.createdBy]);
  await tx.query(`INSERT INTO conversation_members (conversation_id, user_id) SELECT $1, u FROM unnest($2::uuid[]) AS u`, [id, members]);
  await recordChange(tx, 'conversation', id);
  return id;
}
