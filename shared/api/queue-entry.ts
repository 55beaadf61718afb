// "See a clinician now" links (/api/queue-links, clinician) and the patient's queue entry page (/api/queue-entry):
// request and answer shapes. The patient page learns its place in the queue and, once its visit opens, a
// visit-scoped patient session; never other patient data.
import { z } from 'zod';
import { UsStateSchema } from '../domain/states';
import { QueueUrgencySchema } from '../domain/queue';
import { JoinTokenSchema, PatientSessionTokenSchema } from './visits';

/** The patient page's address: /now/<token>, an opaque one-time token (no patient data). */
export const QUEUE_ENTRY_PATH_PREFIX = '/now/';
export const QueueEntryLinkSchema = z.object({ path: z.string().regex(/^\/now\/[A-Za-z0-9_-]{43}$/), expiresAt: z.string() });
export type QueueEntryLink = z.infer<typeof QueueEntryLinkSchema>;

export const CreateQueueEntryLinkRequestSchema = z.strictObject({ patientId: z.uuid() });
export const CreateQueueEntryLinkResponseSchema = z.object({ link: QueueEntryLinkSchema });
export type CreateQueueEntryLinkResponse = z.infer<typeof CreateQueueEntryLinkResponseSchema>;

/** The longest reason a patient may give (a sentence or two; the clinician asks the rest in the visit). */
export const QUEUE_REASON_MAX = 500;
export const QueueReasonSchema = z.string().trim().min(1, 'Say briefly why you want to be seen.').max(QUEUE_REASON_MAX, `Keep the reason under ${QUEUE_REASON_MAX} characters.`);

export const QueueEntryRequestSchema = z.strictObject({
  token: JoinTokenSchema,
  /** Where the patient is right now, confirmed by them: only clinicians licensed there may take the request. */
  locationState: UsStateSchema,
  reason: QueueReasonSchema,
  urgency: QueueUrgencySchema,
});
export type QueueEntryRequest = z.infer<typeof QueueEntryRequestSchema>;

/** The waiting page's session token: 32 random bytes, base64url, after a prefix. */
export const QUEUE_SESSION_PREFIX = 'hcq_';
export const QueueSessionTokenSchema = z.string().regex(/^hcq_[A-Za-z0-9_-]{43}$/, 'not a queue session');

export const QueueEntryResponseSchema = z.object({ sessionToken: QueueSessionTokenSchema, expiresAt: z.string() });
export type QueueEntryResponse = z.infer<typeof QueueEntryResponseSchema>;

/** Where the patient's request stands, as their page shows it. */
export const QueueEntryStatusSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('waiting'),
    /** 1 = next: requests waiting in the same state before this one, plus one. */
    position: z.number().int().min(1),
    requestedAt: z.string(),
    locationState: UsStateSchema,
  }),
  /** A clinician took the request and is about to open the video visit. */
  z.object({ status: z.literal('taken'), clinicianName: z.string() }),
  /** The visit is open: its patient session, handed over once (the page keeps it, like the join page does). */
  z.object({ status: z.literal('visit'), visitId: z.uuid(), sessionToken: PatientSessionTokenSchema.nullable() }),
  z.object({ status: z.literal('closed') }),
]);
export type QueueEntryStatus = z.infer<typeof QueueEntryStatusSchema>;
