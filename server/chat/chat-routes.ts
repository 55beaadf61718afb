// Chat HTTP routes: image attachment upload into a conversation and download, members only, audited as PHI.
// Messages themselves travel through the sync mutations (message.send / message.markRead).
import type { z } from 'zod';
import { AttachmentBodySchema, AttachmentParamsSchema, ConversationParamsSchema } from '../../shared/api/chat';
import { ATTACHMENT_MAX_BYTES } from '../../shared/domain/chat';
import type { AppDeps } from '../http/deps';
import { HttpError } from '../http/errors';
import { actorOf, requirePrincipal } from '../http/request-context';
import { route } from '../http/route';
import type { RouteSpec } from '../http/route';
import { audit } from '../audit/audit-log';
import { staffPrincipal } from './chat-principal';
import { readAttachment, storeAttachment } from './attachments';

const CHAT_ROLES = ['clinician', 'dispatcher', 'courier'] as const;
const STATUS_CODES = { 403: 'forbidden', 404: 'not_found', 413: 'payload_too_large', 415: 'unsupported_media_type' } as const;

export function chatRoutes(deps: AppDeps): RouteSpec[] {
  return [
    route<z.infer<typeof AttachmentBodySchema>, undefined, z.infer<typeof ConversationParamsSchema>>({
      method: 'POST', url: '/api/chat/conversations/:conversationId/attachments', access: CHAT_ROLES, phi: true,
      body: AttachmentBodySchema, params: ConversationParamsSchema, bodyLimit: ATTACHMENT_MAX_BYTES,
      handler: async ({ body, params, request, reply }) => {
        const principal = requirePrincipal(request);
        const result = await deps.db.transaction(async (tx) => {
          const stored = await storeAttachment(tx, staffPrincipal(principal), {
            conversationId: params.conversationId, declaredType: request.headers['content-type'] ?? '', bytes: body,
          });
          if (stored.ok) {
            await audit(tx, actorOf(request), { action: 'chat.attachment.upload', outcome: 'allowed', patientId: stored.patientId, resource: 'attachment', resourceId: stored.attachment.id, detail: { bytes: stored.attachment.byteSize } });
          }
          return stored;
        });
        if (!result.ok) {
          await audit(deps.db, actorOf(request), { action: 'chat.attachment.upload', outcome: 'denied', resource: 'conversation', resourceId: params.conversationId, detail: { status: result.status } });
          throw new HttpError(result.status, STATUS_CODES[result.status], result.message);
        }
        reply.code(201);
        return { attachment: result.attachment };
      },
    }),
    route<undefined, undefined, z.infer<typeof AttachmentParamsSchema>>({
      method: 'GET', url: '/api/chat/attachments/:attachmentId', access: CHAT_ROLES, phi: true, params: AttachmentParamsSchema,
      handler: async ({ params, request, reply }) => {
        const result = await readAttachment(deps.db, staffPrincipal(requirePrincipal(request)), params.attachmentId);
        if (!result.ok) {
          await audit(deps.db, actorOf(request), { action: 'chat.attachment.read', outcome: 'denied', resource: 'attachment', resourceId: params.attachmentId });
          throw new HttpError(result.status, STATUS_CODES[result.status], result.message);
        }
        await audit(deps.db, actorOf(request), { action: 'chat.attachment.read', outcome: 'allowed', patientId: result.patientId, resource: 'attachment', resourceId: params.attachmentId });
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
