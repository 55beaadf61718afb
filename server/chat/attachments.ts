// Image attachments: PNG, JPEG or WebP (checked by their bytes, not only the declared type), at most 5 MB,
// stored in the database so every server instance on one PostgreSQL serves them and they commit with the
// conversation; readable by conversation members only.
import { createHash, randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database';
import type { AttachmentInfo, AttachmentType } from '../../shared/domain/chat';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES } from '../../shared/domain/chat';
import { sniffImageType } from '../../shared/chat/image-type';
import type { ChatPrincipal } from './chat-principal';
import { isConversationMember, loadConversation } from './chat-principal';
import { careConversationId, ensureCareConversation } from './conversations';

export type AttachmentFailure = { ok: false; status: 403 | 404 | 413 | 415; message: string };

const isAccepted = (type: string): type is AttachmentType => (ATTACHMENT_TYPES as readonly string[]).includes(type);

/** Checks and stores an image for a conversation the principal is in (a patient's care conversation is created on first use). */
export async function storeAttachment(
  tx: Queryable, principal: ChatPrincipal, input: { conversationId: string; declaredType: string; bytes: Uint8Array },
): Promise<({ ok: true; attachment: AttachmentInfo; patientId: string | null }) | AttachmentFailure> {
  const declared = input.declaredType.split(';')[0]!.trim().toLowerCase();
  if (!isAccepted(declared)) return { ok: false, status: 415, message: 'Attach a PNG, JPEG or WebP image.' };
  if (input.bytes.length === 0) return { ok: false, status: 415, message: 'The image is empty.' };
  if (input.bytes.length > ATTACHMENT_MAX_BYTES) return { ok: false, status: 413, message: 'The image is larger than 5 MB.' };
  const actual = sniffImageType(input.bytes);
  if (actual !== declared) return { ok: false, status: 415, message: 'The file is not the PNG, JPEG or WebP image it claims to be.' };

  let conversation = await loadConversation(tx, input.conversationId);
  if (!conversation && principal.kind === 'patient' && input.conversationId === careConversationId(principal.patientId)) {
    conversation = await ensureCareConversation(tx, principal.patientId);
  }
  if (!conversation && principal.kind === 'staff') {
    const probe = { id: input.conversationId, kind: 'care' as const, patient_id: input.conversationId, last_message_seq: 0 };
    if (await isConversationMember(tx, principal, probe)) conversation = await ensureCareConversation(tx, input.conversationId);
  }
  if (!conversation) return { ok: false, status: 404, message: 'This conversation does not exist or you are not in it.' };
  if (!(await isConversationMember(tx, principal, conversation))) return { ok: false, status: 403, message: 'You are not a member of this conversation.' };

  const id = randomUUID();
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  await tx.query(
    `INSERT INTO chat_attachments (id, conversation_id, uploader_user_id, uploader_patient_id, content_type, byte_size, sha256, content)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, conversation.id, principal.kind === 'staff' ? principal.userId : null, principal.kind === 'patient' ? principal.patientId : null,
     actual, input.bytes.length, sha256, Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength)]);
  return { ok: true, attachment: { id, contentType: actual, byteSize: input.bytes.length }, patientId: conversation.patient_id };
}

/** An attachment's bytes, for members of its conversation only (others get the same "not found"). */
export async function readAttachment(
  tx: Queryable, principal: ChatPrincipal, attachmentId: string,
): Promise<({ ok: true; contentType: AttachmentType; bytes: Buffer; patientId: string | null }) | AttachmentFailure> {
  const { rows } = await tx.query<{ conversation_id: string; content_type: AttachmentType; content: Buffer | Uint8Array }>(
    'SELECT conversation_id, content_type, content FROM chat_attachments WHERE id = $1', [attachmentId]);
  const row = rows[0];
  const conversation = row ? await loadConversation(tx, row.conversation_id) : null;
  if (!row || !conversation || !(await isConversationMember(tx, principal, conversation))) return { ok: false, status: 404, message: 'No such image, or it is not in a conversation of yours.' };
  const bytes = Buffer.isBuffer(row.content) ? row.content : Buffer.from(row.content);
  return { ok: true, contentType: row.content_type, bytes, patientId: conversation.patient_id };
}
