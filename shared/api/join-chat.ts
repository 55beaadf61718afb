// The patient join page's chat (/api/join/messages, /api/join/attachments): request and answer shapes. The
// patient's own care conversation only; sender names are shown for the care team, never other patient data.
import { z } from 'zod';
import { AttachmentInfoSchema, MessageBodySchema } from '../domain/chat';

/** Who wrote a message, as the patient sees it. */
export const JoinMessageFromSchema = z.enum(['you', 'care_team', 'system']);
export type JoinMessageFrom = z.infer<typeof JoinMessageFromSchema>;

export const JoinMessageSchema = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  from: JoinMessageFromSchema,
  /** The staff member's display name (care team messages), else empty. */
  senderName: z.string(),
  body: z.string(),
  attachment: AttachmentInfoSchema.pick({ id: true }).nullable(),
  sentAt: z.string(),
});
export type JoinMessage = z.infer<typeof JoinMessageSchema>;

export const JoinMessagesQuerySchema = z.strictObject({ after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0) });
export const JoinMessagesResponseSchema = z.object({
  messages: z.array(JoinMessageSchema),
  /** Up to which seq the care team has read the patient's messages (for "Read" on the patient's own). */
  careTeamReadSeq: z.number().int(),
});
export type JoinMessagesResponse = z.infer<typeof JoinMessagesResponseSchema>;

export const JoinSendMessageRequestSchema = z.strictObject({
  messageId: z.uuid(),
  body: MessageBodySchema,
  attachmentId: z.uuid().nullable().optional(),
}).refine((m) => m.body.length > 0 || Boolean(m.attachmentId), { message: 'A message needs text or an image.', path: ['body'] });
export type JoinSendMessageRequest = z.infer<typeof JoinSendMessageRequestSchema>;
export const JoinSendMessageResponseSchema = z.object({ message: JoinMessageSchema });

export const JoinMarkReadRequestSchema = z.strictObject({ upToSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) });
export const JoinMarkReadResponseSchema = z.object({ moved: z.boolean() });

export const JOIN_MESSAGES_PATH = '/api/join/messages';
export const JOIN_READ_PATH = '/api/join/messages/read';
export const JOIN_ATTACHMENTS_PATH = '/api/join/attachments';
export const joinAttachmentUrl = (attachmentId: string): string => `${JOIN_ATTACHMENTS_PATH}/${attachmentId}`;
