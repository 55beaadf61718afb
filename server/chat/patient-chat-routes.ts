// The patient join page's chat: history, text and image messages and read marks in the patient's own care
// conversation, authenticated by the visit-scoped patient session (only while it is valid), audited as PHI.
// Reuses the chat functions with a patient principal, so membership, limits and ordering are the staff ones.
import type { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import { AttachmentBodySchema, AttachmentParamsSchema } from '../../shared/api/chat';
import { JOIN_ATTACHMENTS_PATH, JOIN_MESSAGES_PATH, JOIN_READ_PATH, JoinMarkReadRequestSchema, JoinMessagesQuerySchema, JoinSendMessageRequestSchema } from '../../shared/api/join-chat';
import type { JoinMessage, JoinMessagesResponse } from '../../shared/api/join-chat';
import { ATTACHMENT_MAX_BYTES, readerKey } from '../../shared/domain/chat';
import type { AppDeps } from '../http/deps';
import { HttpError, badRequest } from '../http/errors';
import { route } from '../http/route';
import type { RouteSpec } from '../http/route';
import type { Queryable } from '../db/database';
import { audit } from '../audit/audit-log';
import { patientActor, patientSessionOf } from '../visits/visit-routes';
import type { PatientSession } from '../visits/visit-repository';
import type { ChatPrincipal } from './chat-principal';
import { careConversationId } from './conversations';
import type { MessageRow } from './messages';
import { postPatientMessage, readMessages } from './messages';
import { markDelivered, markRead } from './receipts';
import { readAttachment, storeAttachment } from './attachments';

const STATUS_CODES = { 403: 'forbidden', 404: 'not_found', 413: 'payload_too_large', 415: 'unsupported_media_type' } as const;
const HISTORY_PAGE = 200;

const principalOf = (session: PatientSession): ChatPrincipal => ({ kind: 'patient', patientId: session.patientId, visitId: session.visitId });

/** A message as the patient sees it: "you", the care team (by display name) or a system update. */
export function toJoinMessage(row: MessageRow): JoinMessage {
  return {
    id: row.id, seq: Number(row.seq),
    from: row.sender_kind === 'patient' ? 'you' : row.sender_kind === 'staff' ? 'care_team' : 'system',
    senderName: row.sender_kind === 'staff' ? (row.sender_name ?? 'Care team') : '',
    body: row.body, attachment: row.attachment_id ? { id: row.attachment_id } : null, sentAt: new Date(row.sent_at).toISOString(),
  };
}

/** The highest seq any staff reader has read in the conversation (0 if none or no conversation yet). */
async function careTeamReadSeq(db: Queryable, conversationId: string, patientReader: string): Promise<number> {
  const { rows } = await db.query<{ seq: string | number | null }>(
    'SELECT MAX(read_seq) AS seq FROM conversation_receipts WHERE conversation_id = $1 AND reader <> $2', [conversationId, patientReader]);
  return Number(rows[0]?.seq ?? 0);
}

export function patientChatRoutes(deps: AppDeps): RouteSpec[] {
  const session = (request: FastifyRequest) => patientSessionOf(deps, request);
  return [
    route<undefined, z.infer<typeof JoinMessagesQuerySchema>>({
      // Public as far as staff sign-in goes: the caller proves a visit-scoped patient session instead.
      method: 'GET', url: JOIN_MESSAGES_PATH, access: 'public', phi: true, query: JoinMessagesQuerySchema,
      handler: async ({ query, request }) => {
        const s = await session(request);
        const principal = principalOf(s);
        const conversationId = careConversationId(s.patientId);
        const answer = await deps.db.transaction(async (tx) => {
          // No conversation yet reads as an empty history (it is created by the first message).
          const rows = (await readMessages(tx, principal, conversationId, query.after, HISTORY_PAGE)) ?? [];
          const fromOthers = rows.filter((r) => r.sender_kind !== 'patient').reduce((max, r) => Math.max(max, Number(r.seq)), 0);
          if (fromOthers > 0) await markDelivered(tx, principal, new Map([[conversationId, fromOthers]]));
          await audit(tx, patientActor(s, request), { action: 'chat.messages.read', outcome: 'allowed', patientId: s.patientId, resource: 'conversation', resourceId: conversationId, detail: { count: rows.length } });
          const response: JoinMessagesResponse = {
            messages: rows.map(toJoinMessage),
            careTeamReadSeq: await careTeamReadSeq(tx, conversationId, readerKey({ patientId: s.patientId })),
          };
          return response;
        });
        return answer;
      },
    }),
    route<z.infer<typeof JoinSendMessageRequestSchema>>({
      method: 'POST', url: JOIN_MESSAGES_PATH, access: 'public', phi: true, body: JoinSendMessageRequestSchema,
      handler: async ({ body, request, reply }) => {
        const s = await session(request);
        const conversationId = careConversationId(s.patientId);
        const result = await deps.db.transaction(async (tx) => {
          const posted = await postPatientMessage(tx, { patientId: s.patientId, visitId: s.visitId, messageId: body.messageId, body: body.body, attachmentId: body.attachmentId ?? null });
          if (!posted.ok) return posted;
          await audit(tx, patientActor(s, request), { action: 'chat.message.send', outcome: 'allowed', patientId: s.patientId, resource: 'message', resourceId: body.messageId });
          const rows = await readMessages(tx, principalOf(s), conversationId, posted.seq - 1, 1);
          return { ok: true as const, row: rows![0]! };
        });
        if (!result.ok) {
          await audit(deps.db, patientActor(s, request), { action: 'chat.message.send', outcome: 'denied', resource: 'conversation', resourceId: conversationId, detail: { reason: result.reason } });
          throw result.reason === 'invalid_args' ? badRequest(result.message) : new HttpError(403, 'forbidden', result.message);
        }
        reply.code(201);
        return { message: toJoinMessage(result.row) };
      },
    }),
    route<z.infer<typeof JoinMarkReadRequestSchema>>({
      method: 'POST', url: JOIN_READ_PATH, access: 'public', phi: true, body: JoinMarkReadRequestSchema,
      handler: async ({ body, request }) => {
        const s = await session(request);
        const conversationId = careConversationId(s.patientId);
        const result = await deps.db.transaction(async (tx) => {
          const marked = await markRead(tx, principalOf(s), conversationId, body.upToSeq);
          if (marked.ok) await audit(tx, patientActor(s, request), { action: 'chat.messages.mark_read', outcome: 'allowed', patientId: s.patientId, resource: 'conversation', resourceId: conversationId });
          return marked;
        });
        // Marking read before the first message: nothing to mark.
        if (!result.ok) return { moved: false };
        return { moved: result.moved };
      },
    }),
    route<z.infer<typeof AttachmentBodySchema>>({
      method: 'POST', url: JOIN_ATTACHMENTS_PATH, access: 'public', phi: true, body: AttachmentBodySchema, bodyLimit: ATTACHMENT_MAX_BYTES,
      handler: async ({ body, request, reply }) => {
        const s = await session(request);
        const conversationId = careConversationId(s.patientId);
        const result = await deps.db.transaction(async (tx) => {
          const stored = await storeAttachment(tx, principalOf(s), { conversationId, declaredType: request.headers['content-type'] ?? '', bytes: body });
          if (stored.ok) {
            await audit(tx, patientActor(s, request), { action: 'chat.attachment.upload', outcome: 'allowed', patientId: s.patientId, resource: 'attachment', resourceId: stored.attachment.id, detail: { bytes: stored.attachment.byteSize } });
          }
          return stored;
        });
        if (!result.ok) {
          await audit(deps.db, patientActor(s, request), { action: 'chat.attachment.upload', outcome: 'denied', resource: 'conversation', resourceId: conversationId, detail: { status: result.status } });
          throw new HttpError(result.status, STATUS_CODES[result.status], result.message);
        }
        reply.code(201);
        return { attachment: result.attachment };
      },
    }),
    route<undefined, undefined, z.infer<typeof AttachmentParamsSchema>>({
      method: 'GET', url: `${JOIN_ATTACHMENTS_PATH}/:attachmentId`, access: 'public', phi: true, params: AttachmentParamsSchema,
      handler: async ({ params, request, reply }) => {
        const s = await session(request);
        const result = await readAttachment(deps.db, principalOf(s), params.attachmentId);
        if (!result.ok) {
          await audit(deps.db, patientActor(s, request), { action: 'chat.attachment.read', outcome: 'denied', resource: 'attachment', resourceId: params.attachmentId });
          throw new HttpError(result.status, STATUS_CODES[result.status], result.message);
        }
        await audit(deps.db, patientActor(s, request), { action: 'chat.attachment.read', outcome: 'allowed', patientId: result.patientId, resource: 'attachment', resourceId: params.attachmentId });
        await reply
          .header('content-type', result.contentType)
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .header('content-disposition', 'inline')
          .send(result.bytes);
      },
    }),
  ];
}
