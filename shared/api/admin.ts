// Admin endpoints: the user list and the audit log query.
import { z } from 'zod';
import { UserSchema } from '../domain/user';

export const UserListResponseSchema = z.object({ users: z.array(UserSchema) });
export type UserListResponse = z.infer<typeof UserListResponseSchema>;

export const AUDIT_OUTCOMES = ['allowed', 'denied', 'failed'] as const;

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(), // ISO timestamp
  userId: z.uuid().nullable(),
  userEmail: z.string().nullable(),
  role: z.string().nullable(),
  deviceId: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  patientId: z.uuid().nullable(),
  resource: z.string().nullable(),
  resourceId: z.string().nullable(),
  outcome: z.enum(AUDIT_OUTCOMES),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** Query string of GET /api/admin/audit; every filter optional, newest first. */
export const AuditQuerySchema = z.strictObject({
  patientId: z.uuid().optional(),
  userId: z.uuid().optional(),
  action: z.string().regex(/^[a-z_.]{1,64}$/).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  before: z.coerce.number().int().positive().optional(), // page: entries with id < before
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditListResponseSchema = z.object({ entries: z.array(AuditEntrySchema), nextBefore: z.number().int().nullable() });
export type AuditListResponse = z.infer<typeof AuditListResponseSchema>;

export const CreateUserRequestSchema = z.strictObject({
  email: z.email().max(254),
  displayName: z.string().trim().min(1).max(120),
  role: z.enum(['clinician', 'dispatcher', 'courier', 'admin']),
  credential: z.enum(['MD', 'DO', 'NP', 'RN', 'phlebotomist', 'courier', 'coordinator', 'it']).nullable(),
  timeZone: z.string().min(1).max(64).refine((tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'an IANA time zone such as America/New_York'),
  /** Initial password; at least 12 characters. */
  password: z.string().min(12).max(1024),
});
export type CreateUserRequest = z.infer<typeof CreateUserRequestSchema>;

export const UserIdParamsSchema = z.strictObject({ id: z.uuid() });
