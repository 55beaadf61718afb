// Video visits: the visit's own state (separate from the call's), and the ICE servers handed to both sides.
import { z } from 'zod';

export const VISIT_STATUSES = ['waiting', 'in_progress', 'ended'] as const;
export const VisitStatusSchema = z.enum(VISIT_STATUSES);
export type VisitStatus = z.infer<typeof VisitStatusSchema>;

/** The two members of a visit: the appointment's clinician and the visit's patient session. */
export const VisitMemberSchema = z.enum(['clinician', 'patient']);
export type VisitMember = z.infer<typeof VisitMemberSchema>;

export const VisitSchema = z.object({
  id: z.uuid(),
  appointmentId: z.uuid(),
  patientId: z.uuid(),
  clinicianId: z.uuid(),
  status: VisitStatusSchema,
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
});
export type Visit = z.infer<typeof VisitSchema>;

const IceUrlSchema = z.string().regex(/^(stun|stuns|turn|turns):[^\s]+$/, 'must be a stun:, stuns:, turn: or turns: URL').max(512);

/** One RTCIceServer; TURN (incl. turns: over TLS) needs a username and credential. */
export const IceServerSchema = z.strictObject({
  urls: z.union([IceUrlSchema, z.array(IceUrlSchema).min(1).max(8)]),
  username: z.string().min(1).max(256).optional(),
  credential: z.string().min(1).max(256).optional(),
}).refine((s) => {
  const urls = Array.isArray(s.urls) ? s.urls : [s.urls];
  return !urls.some((u) => u.startsWith('turn')) || (s.username !== undefined && s.credential !== undefined);
}, { message: 'TURN servers need a username and credential' });
export type IceServer = z.infer<typeof IceServerSchema>;
export const IceServersSchema = z.array(IceServerSchema).max(8);
