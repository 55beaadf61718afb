// Chat entities (conversations, messages, receipts) as synced to workstations, with their limits.
import { z } from 'zod';

/** Longest message body, in characters (the database checks the same limit). */
export const MESSAGE_MAX_CHARS = 4000;
/** Largest image attachment, in bytes. */
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
export const ATTACHMENT_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const AttachmentTypeSchema = z.enum(ATTACHMENT_TYPES);
export type AttachmentType = z.infer<typeof AttachmentTypeSchema>;

export const ConversationKindSchema = z.enum(['care', 'staff']);
export type ConversationKind = z.infer<typeof ConversationKindSchema>;
export const SenderKindSchema = z.enum(['staff', 'patient', 'system']);
export type SenderKind = z.infer<typeof SenderKindSchema>;

/** A reader of a conversation: a staff user or the patient. */
export const readerKey = (who: { userId: string } | { patientId: string }): string =>
  'userId' in who ? `user:${who.userId}` : `patient:${who.patientId}`;

export const MessageBodySchema = z.string().trim().max(MESSAGE_MAX_CHARS, `at most ${MESSAGE_MAX_CHARS} characters`);

export const ReceiptSchema = z.object({ deliveredSeq: z.number().int(), readSeq: z.number().int() });
export type Receipt = z.infer<typeof ReceiptSchema>;

export const ConversationSchema = z.object({
  id: z.uuid(),
  kind: ConversationKindSchema,
  /** Care conversations: the patient. */
  patientId: z.uuid().nullable(),
  /** Care conversations: the patient's name; staff conversations: the title or the members' names. */
  title: z.string(),
  /** Staff conversations: the members (care conversations: the patient's care team, not listed). */
  members: z.array(z.object({ userId: z.uuid(), name: z.string() })),
  /** By reader key ('user:<id>' / 'patient:<id>'). */
  receipts: z.record(z.string(), ReceiptSchema),
  lastMessageSeq: z.number().int(),
  version: z.number().int(),
});
export type Conversation = z.infer<typeof ConversationSchema>;

export const AttachmentInfoSchema = z.object({ id: z.uuid(), contentType: AttachmentTypeSchema, byteSize: z.number().int() });
export type AttachmentInfo = z.infer<typeof AttachmentInfoSchema>;

export const ChatMessageSchema = z.object({
  id: z.uuid(),
  conversationId: z.uuid(),
  patientId: z.uuid().nullable(),
  /** Server order; null while the message waits on this device to be sent. */
  seq: z.number().int().nullable(),
  senderKind: SenderKindSchema,
  senderUserId: z.uuid().nullable(),
  senderName: z.string(),
  body: z.string(),
  attachment: AttachmentInfoSchema.nullable(),
  sentAt: z.string(),
});
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

/** Answer of an attachment upload. */
export const AttachmentUploadResponseSchema = z.object({ attachment: AttachmentInfoSchema });
