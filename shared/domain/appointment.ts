// Appointments: video, home and clinic visits on a clinician's schedule.
import { z } from 'zod';
import { UsStateSchema } from './states';

export const APPOINTMENT_KINDS = ['video', 'home', 'clinic'] as const;
export const AppointmentKindSchema = z.enum(APPOINTMENT_KINDS);
export const APPOINTMENT_STATUSES = ['booked', 'checked_in', 'in_progress', 'completed', 'no_show', 'cancelled'] as const;
export const AppointmentStatusSchema = z.enum(APPOINTMENT_STATUSES);
export type AppointmentStatus = z.infer<typeof AppointmentStatusSchema>;

export const AppointmentSchema = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  clinicianId: z.uuid(),
  kind: AppointmentKindSchema,
  status: AppointmentStatusSchema,
  startsAt: z.string(), // ISO instant
  endsAt: z.string(),
  reason: z.string(),
  cityId: z.string().nullable(),
  version: z.number().int(),
  patientName: z.string(),
  patientLocationState: UsStateSchema,
  /** When the patient checked in (the waiting room counts from here); null before. */
  checkedInAt: z.string().nullable().optional(),
});
export type Appointment = z.infer<typeof AppointmentSchema>;
