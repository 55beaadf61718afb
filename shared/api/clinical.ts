// Patient and schedule reads: GET /api/patients, /api/patients/:id, /api/appointments.
import { z } from 'zod';
import { PatientChartSchema, PatientSummarySchema } from '../domain/patient';
import { AppointmentSchema } from '../domain/appointment';

export const PatientSearchQuerySchema = z.strictObject({
  q: z.string().trim().min(2, 'at least 2 characters').max(100),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export const PatientSearchResponseSchema = z.object({ patients: z.array(PatientSummarySchema) });

export const PatientIdParamsSchema = z.strictObject({ id: z.uuid() });
export const PatientChartResponseSchema = PatientChartSchema;

export const AppointmentRangeQuerySchema = z
  .strictObject({
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
  })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { message: 'to must be after from', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 31 * 86_400_000, { message: 'at most 31 days', path: ['to'] });
export const AppointmentListResponseSchema = z.object({ appointments: z.array(AppointmentSchema) });
