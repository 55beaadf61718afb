// /api/visits (clinician) and /api/join (patient join page): request and answer shapes.
import { z } from 'zod';
import { IceServersSchema, VisitSchema, VisitStatusSchema } from '../domain/visit';

export const StartVisitRequestSchema = z.strictObject({ appointmentId: z.uuid() });
export type StartVisitRequest = z.infer<typeof StartVisitRequestSchema>;

export const VisitIdParamsSchema = z.strictObject({ id: z.uuid() });

/** The patient's one-time link: the path /join/<token> and when it stops working. */
export const JoinLinkSchema = z.object({ path: z.string().regex(/^\/join\/[A-Za-z0-9_-]+$/), expiresAt: z.string() });
export type JoinLink = z.infer<typeof JoinLinkSchema>;

/** `patientJoined`: the patient is in the visit now (their page joined it and is connected), so "Start visit" goes straight into the call. */
export const StartVisitResponseSchema = z.object({ visit: VisitSchema, joinLink: JoinLinkSchema, iceServers: IceServersSchema, patientJoined: z.boolean() });
export type StartVisitResponse = z.infer<typeof StartVisitResponseSchema>;

export const VisitDetailSchema = z.object({ visit: VisitSchema, iceServers: IceServersSchema });
export type VisitDetail = z.infer<typeof VisitDetailSchema>;

/** Join tokens and patient session tokens: 32 random bytes, base64url. */
export const JoinTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not a join token');
export const PATIENT_SESSION_PREFIX = 'hcv_';
export const PatientSessionTokenSchema = z.string().regex(/^hcv_[A-Za-z0-9_-]{43}$/, 'not a visit session');

export const JoinSessionRequestSchema = z.strictObject({ token: JoinTokenSchema });
export const JoinSessionResponseSchema = z.object({ sessionToken: PatientSessionTokenSchema, visitId: z.uuid(), expiresAt: z.string() });
export type JoinSessionResponse = z.infer<typeof JoinSessionResponseSchema>;

/** What the join page may know: no patient data beyond the visit's state and the clinician's display name. */
export const JoinVisitSchema = z.object({ visitId: z.uuid(), status: VisitStatusSchema, clinicianName: z.string(), iceServers: IceServersSchema });
export type JoinVisit = z.infer<typeof JoinVisitSchema>;
