// Dispatch: field requests (home visits and deliveries), field skills, and staff on shift for a city's day.
import { z } from 'zod';
import { UsStateSchema } from './states';
import { CredentialSchema } from './roles';
import { StateLicenseSchema } from './user';

/** Skills a field request may need; which credential holds which is in the staff_skills table. */
export const FIELD_SKILLS = ['phlebotomy', 'iv', 'vaccination', 'lung_exam', 'wound_care', 'delivery'] as const;
export const FieldSkillSchema = z.enum(FIELD_SKILLS, { error: `an unknown skill (known skills: ${FIELD_SKILLS.join(', ')})` });
export type FieldSkill = z.infer<typeof FieldSkillSchema>;

export const FIELD_REQUEST_KINDS = ['home_visit', 'delivery'] as const;
export const FieldRequestKindSchema = z.enum(FIELD_REQUEST_KINDS);
export type FieldRequestKind = z.infer<typeof FieldRequestKindSchema>;

export const FIELD_REQUEST_STATUSES = ['unassigned', 'assigned', 'en_route', 'arrived', 'completed', 'cancelled'] as const;
export const FieldRequestStatusSchema = z.enum(FIELD_REQUEST_STATUSES);
export type FieldRequestStatus = z.infer<typeof FieldRequestStatusSchema>;
/** Statuses the assigned person reports from the field. */
export const FieldProgressSchema = z.enum(['en_route', 'arrived', 'completed']);
export type FieldProgress = z.infer<typeof FieldProgressSchema>;
/** A visit in one of these statuses has started: it is never moved or reassigned. */
export const STARTED_STATUSES: readonly FieldRequestStatus[] = ['en_route', 'arrived', 'completed'];

export const PRIORITIES = ['routine', 'soon', 'urgent'] as const;
export const PrioritySchema = z.enum(PRIORITIES);
export type Priority = z.infer<typeof PrioritySchema>;

/** The wire form of a field request (synced to dispatchers, and to the assignee through the patient's care team). */
export const FieldRequestSchema = z.object({
  id: z.uuid(),
  kind: FieldRequestKindSchema,
  patientId: z.uuid(),
  patientName: z.string(),
  patientLocationState: UsStateSchema,
  cityId: z.string(),
  /** The visit on the assignee's schedule (home visits), once assigned. */
  appointmentId: z.uuid().nullable(),
  /** The delivery this request carries out (deliveries; set by the delivery feature). */
  deliveryId: z.uuid().nullable(),
  reason: z.string(),
  addressLine: z.string(),
  postalCode: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  windowStart: z.string(), // ISO instant: earliest start of service
  windowEnd: z.string(), // ISO instant: latest start of service
  skills: z.array(z.string()),
  durationMinutes: z.number().int(),
  priority: PrioritySchema,
  status: FieldRequestStatusSchema,
  assigneeId: z.uuid().nullable(),
  assigneeName: z.string().nullable(),
  assignedByName: z.string().nullable(),
  routePosition: z.number().int().nullable(),
  plannedArrival: z.string().nullable(),
  statusAt: z.string().nullable(),
  dispatchDate: z.string(), // YYYY-MM-DD in the city's time zone
  version: z.number().int(),
});
export type FieldRequest = z.infer<typeof FieldRequestSchema>;

const isoInstant = z.iso.datetime({ offset: true });

/** POST /api/dispatch/requests: a new request. Geocoded on the server from the ZIP code. */
export const CreateFieldRequestSchema = z
  .strictObject({
    kind: FieldRequestKindSchema,
    patientId: z.uuid(),
    reason: z.string().trim().min(1).max(200),
    windowStart: isoInstant,
    windowEnd: isoInstant,
    skills: z.array(FieldSkillSchema).min(1).max(6),
    durationMinutes: z.number().int().min(5).max(480),
    priority: PrioritySchema.default('routine'),
    deliveryId: z.uuid().nullable().default(null),
  })
  .refine((r) => Date.parse(r.windowEnd) > Date.parse(r.windowStart), { message: 'the time window ends before it starts', path: ['windowEnd'] })
  .refine((r) => Date.parse(r.windowEnd) - Date.parse(r.windowStart) <= 24 * 3600_000, { message: 'the time window is longer than a day', path: ['windowEnd'] })
  .refine((r) => (r.kind === 'delivery') === r.skills.includes('delivery'), { message: "a delivery needs the 'delivery' skill, and only a delivery does", path: ['skills'] });
export type CreateFieldRequest = z.infer<typeof CreateFieldRequestSchema>;

/** Parses a new request, or says in plain words what is wrong (field names and rules, never the values sent). */
export function parseCreateFieldRequest(input: unknown): { ok: true; value: CreateFieldRequest } | { ok: false; message: string; fields: string[] } {
  const result = CreateFieldRequestSchema.safeParse(input ?? {});
  if (result.success) return { ok: true, value: result.data };
  const fields = [...new Set(result.error.issues.map((i) => i.path.join('.') || '(root)'))];
  const reasons = result.error.issues.map((i) => (i.code === 'unrecognized_keys' ? `fields not allowed: ${i.keys.join(', ')}` : `${i.path.join('.') || 'request'}: ${i.message}`));
  return { ok: false, message: `The field request is invalid: ${[...new Set(reasons)].join('; ')}.`, fields };
}

export const DispatchDayQuerySchema = z.strictObject({
  cityId: z.string().regex(/^[a-z][a-z-]{1,40}$/, 'a city id'),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date (YYYY-MM-DD)'),
});
export type DispatchDayQuery = z.infer<typeof DispatchDayQuerySchema>;

export const SHIFT_STATUSES = ['available', 'en_route', 'on_site', 'off_duty'] as const;
export const ShiftStatusSchema = z.enum(SHIFT_STATUSES);

/** A field staff member on shift in a city on a day (no patient data). */
export const FieldStaffSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  role: z.enum(['clinician', 'courier']),
  credential: CredentialSchema,
  skills: z.array(z.string()),
  licenses: z.array(StateLicenseSchema),
  shiftStart: z.string(),
  shiftEnd: z.string(),
  startLatitude: z.number(),
  startLongitude: z.number(),
  status: ShiftStatusSchema,
});
export type FieldStaff = z.infer<typeof FieldStaffSchema>;

export const DispatchCitySchema = z.object({
  id: z.string(), name: z.string(), state: UsStateSchema, timeZone: z.string(), latitude: z.number(), longitude: z.number(),
});
export type DispatchCity = z.infer<typeof DispatchCitySchema>;

export const DispatchStaffResponseSchema = z.object({ city: DispatchCitySchema, date: z.string(), staff: z.array(FieldStaffSchema) });
export type DispatchStaffResponse = z.infer<typeof DispatchStaffResponseSchema>;
export const DispatchCitiesResponseSchema = z.object({ cities: z.array(DispatchCitySchema) });
