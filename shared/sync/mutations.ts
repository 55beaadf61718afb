// The mutations a workstation can queue, with their argument schemas and conflict rules:
//   patient.updateContact / patient.confirmLocation  last writer wins per field, in server order
//   appointment.setStatus                            validated by the status state machine on the server's state
//   note.saveDraft                                   author-owned; a stale save is kept as a version and rejected
//   fieldRequest.assign                              compare-and-set on the request's version; the rules re-checked on the server
//   fieldRequest.setStatus                           the assignee's progress (en route, arrived, completed), in order
import { z } from 'zod';
import { UsStateSchema } from '../domain/states';
import { AppointmentStatusSchema } from '../domain/appointment';
import { NoteSectionsSchema } from '../domain/note';
import { FieldProgressSchema } from '../domain/dispatch';

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
  'note.saveDraft': z.strictObject({
    noteId: z.uuid(),
    patientId: z.uuid(),
    appointmentId: z.uuid().nullable(),
    sections: NoteSectionsSchema,
  }),
  'fieldRequest.assign': z.strictObject({
    requestId: z.uuid(),
    /** The person to assign to, or null to take the request off its route. */
    assigneeId: z.uuid().nullable(),
    /** Index in the assignee's route (without this request); the best feasible place when absent. */
    position: z.number().int().min(0).max(200).optional(),
    /** The coordinator saw the warnings (e.g. a tight window) and accepts them. */
    acceptWarnings: z.boolean(),
  }),
  'fieldRequest.setStatus': z.strictObject({ requestId: z.uuid(), status: FieldProgressSchema }),
} as const;

export type MutationName = keyof typeof mutationArgs;
export const MUTATION_NAMES = Object.keys(mutationArgs) as MutationName[];
export type MutationArgs<N extends MutationName> = z.infer<(typeof mutationArgs)[N]>;

export function isMutationName(name: string): name is MutationName {
  return Object.hasOwn(mutationArgs, name);
}
