// The mutations a workstation can queue, with their argument schemas and conflict rules:
//   patient.updateContact / patient.confirmLocation  last writer wins per field, in server order
//   appointment.setStatus                            validated by the status state machine on the server's state
//   note.saveDraft                                   author-owned; a stale save is kept as a version and rejected
//   appointment.book / appointment.reschedule         checked by shared/rules/booking on the device and, under a
//                                                    per-clinician lock, on the server (times, licensure, overlap)
//   queue.take                                       compare-and-set on the request's version: one clinician wins
import { z } from 'zod';
import { UsStateSchema } from '../domain/states';
import { AppointmentKindSchema, AppointmentStatusSchema } from '../domain/appointment';
import { NoteSectionsSchema } from '../domain/note';

export const mutationArgs = {
  'patient.updateContact': z.strictObject({
    patientId: z.uuid(),
    fields: z
      .strictObject({
        phone: z.string().trim().regex(/^[0-9+().\- ]{7,20}$/, 'a phone number').nullable().optional(),
        email: z.email().max(254).nullable().optional(),
        addressLine: z.string().trim().min(1).max(200).optional(),
        addressCity: z.string().trim().min(1).max(100).optional(),
        addressState: UsStateSchema.optional(),
        postalCode: z.string().trim().regex(/^\d{5}(-\d{4})?$/, 'a ZIP code').optional(),
      })
      .refine((f) => Object.keys(f).length > 0, 'at least one field'),
  }),
  'patient.confirmLocation': z.strictObject({ patientId: z.uuid(), locationState: UsStateSchema }),
  'appointment.setStatus': z.strictObject({ appointmentId: z.uuid(), status: AppointmentStatusSchema }),
  'appointment.book': z.strictObject({
    appointmentId: z.uuid(),
    patientId: z.uuid(),
    kind: AppointmentKindSchema,
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    reason: z.string().trim().min(1, 'a reason').max(200),
  }),
  'appointment.reschedule': z.strictObject({
    appointmentId: z.uuid(),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
  }),
  'queue.take': z.strictObject({
    requestId: z.uuid(),
    /** The id of the in-progress video visit the take creates (chosen by the device, so it can open it). */
    appointmentId: z.uuid(),
  }),
  'note.saveDraft': z.strictObject({
    noteId: z.uuid(),
    patientId: z.uuid(),
    appointmentId: z.uuid().nullable(),
    sections: NoteSectionsSchema,
  }),
} as const;

export type MutationName = keyof typeof mutationArgs;
export const MUTATION_NAMES = Object.keys(mutationArgs) as MutationName[];
export type MutationArgs<N extends MutationName> = z.infer<(typeof mutationArgs)[N]>;

export function isMutationName(name: string): name is MutationName {
  return Object.hasOwn(mutationArgs, name);
}
