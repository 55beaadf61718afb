// The mutations a workstation can queue, with their argument schemas and conflict rules:
//   patient.updateContact / patient.confirmLocation  last writer wins per field, in server order
//   appointment.setStatus                            validated by the status state machine on the server's state
//   note.saveDraft                                   author-owned; a stale save is kept as a version and rejected
//   rx.sign / rx.cancel                              append-only prescription events, re-checked by the server's safety rules
//   task.complete                                    the task's owner marks an inbox task done
//   note.sign                                        author only; the server recomputes the content hash and rejects a mismatch
//   note.addAddendum                                 a signed amendment to a signed note, hashed the same way
//   message.send                                     append-only, id from the device (a resend is the same message)
//   message.markRead                                 a reader's read mark only moves forward
//   appointment.book / appointment.reschedule         checked by shared/rules/booking on the device and, under a
//                                                    per-clinician lock, on the server (times, licensure, overlap)
//   queue.take                                       compare-and-set on the request's version: one clinician wins
//   fieldRequest.assign                              compare-and-set on the request's version; the rules re-checked on the server
//   fieldRequest.setStatus                           the assignee's progress (en route, arrived, completed), in order
import { z } from 'zod';
import { UsStateSchema } from '../domain/states';
import { AppointmentKindSchema, AppointmentStatusSchema } from '../domain/appointment';
import { ADDENDUM_MAX, NoteSectionsSchema } from '../domain/note';
import { OverrideSchema, RxOrderSchema } from '../domain/prescription';
import { MessageBodySchema } from '../domain/chat';
import { FieldProgressSchema } from '../domain/dispatch';

const ContentHashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 content hash (64 lower-case hex digits)');

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
  /** A signed prescription (not controlled: those are signed online with a second factor, POST /api/rx/sign-controlled). */
  'rx.sign': RxSignArgsSchema(),
  'rx.cancel': z.strictObject({ prescriptionId: z.uuid(), reason: z.string().trim().min(3, 'give a reason').max(300) }),
  'task.complete': z.strictObject({ taskId: z.uuid() }),
  'note.sign': z.strictObject({ noteId: z.uuid(), patientId: z.uuid(), contentHash: ContentHashSchema }),
  'note.addAddendum': z.strictObject({
    noteId: z.uuid(),
    patientId: z.uuid(),
    addendumId: z.uuid(),
    text: z.string().max(ADDENDUM_MAX).refine((t) => t.trim() !== '', 'an addendum needs text'),
    contentHash: ContentHashSchema,
  }),
  'message.send': z
    .strictObject({
      messageId: z.uuid(),
      conversationId: z.uuid(),
      body: MessageBodySchema,
      attachmentId: z.uuid().nullable().default(null),
    })
    .refine((m) => m.body.length > 0 || m.attachmentId !== null, { message: 'a message needs text or an image', path: ['body'] }),
  'message.markRead': z.strictObject({ conversationId: z.uuid(), upToSeq: z.number().int().min(1) }),
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

/** What signing a prescription sends (also the body of the online controlled-substance signing, plus a TOTP code). */
export function RxSignArgsSchema() {
  return z.strictObject({
    prescriptionId: z.uuid(),
    patientId: z.uuid(),
    appointmentId: z.uuid().nullable(),
    order: RxOrderSchema,
    overrides: z.array(OverrideSchema).max(30),
    /** The prescription this one replaces (a change), or null for a new one. */
    supersedesId: z.uuid().nullable(),
  });
}
export type RxSignArgs = z.infer<ReturnType<typeof RxSignArgsSchema>>;
