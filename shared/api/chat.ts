// Chat HTTP contract: attachment upload (raw image body) and download addresses.
import { z } from 'zod';

export const ConversationParamsSchema = z.strictObject({ conversationId: z.uuid() });
export const AttachmentParamsSchema = z.strictObject({ attachmentId: z.uuid() });
/** The raw bytes of an uploaded image (the body parser hands the route a byte array). */
export const AttachmentBodySchema = z.instanceof(Uint8Array);

export const attachmentUploadUrl = (conversationId: string): string => `/api/chat/conversations/${conversationId}/attachments`;
export const attachmentUrl = (attachmentId: string): string => `/api/chat/attachments/${attachmentId}`;
