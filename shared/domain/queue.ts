// On-demand queue requests: patients asking to be seen now, taken by one licensed clinician (compare-and-set).
import { z } from 'zod';
import { UsStateSchema } from './states';

export const QUEUE_URGENCIES = ['emergent', 'urgent', 'routine'] as const;
export const QueueUrgencySchema = z.enum(QUEUE_URGENCIES);
export type QueueUrgency = z.infer<typeof QueueUrgencySchema>;

export const QUEUE_STATUSES = ['waiting', 'taken', 'cancelled'] as const;
export const QueueStatusSchema = z.enum(QUEUE_STATUSES);
export type QueueStatus = z.infer<typeof QueueStatusSchema>;

export const QueueRequestSchema = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  patientName: z.string(),
  reason: z.string(),
  urgency: QueueUrgencySchema,
  requestedAt: z.string(), // ISO instant
  /** Where the patient is now, confirmed at request or check-in: decides which clinicians may take it. */
  locationState: UsStateSchema,
  status: QueueStatusSchema,
  takenBy: z.uuid().nullable(),
  takenByName: z.string().nullable(),
  takenAt: z.string().nullable(),
  /** The in-progress video visit created for the taker. */
  appointmentId: z.uuid().nullable(),
  version: z.number().int(),
});
export type QueueRequest = z.infer<typeof QueueRequestSchema>;
