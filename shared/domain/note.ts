// Encounter notes. A draft belongs to its author; every saved version is kept. A signed note is locked
// (its signer, time and content hash are recorded) and amended only by signed addenda.
import { z } from 'zod';
import { DraftVitalsSchema } from './note-vitals';

export const NOTE_SECTION_MAX = 20_000;
export const MAX_NOTE_DIAGNOSES = 20;

/** A diagnosis picked from the ICD-10-CM code list (the server checks the code when the note is signed). */
export const NoteDiagnosisSchema = z.strictObject({
  code: z.string().regex(/^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/, 'an ICD-10-CM code like J06.9'),
  description: z.string().max(300),
});
export type NoteDiagnosis = z.infer<typeof NoteDiagnosisSchema>;

/**
 * The note's sections. vitals and diagnoses were added later and are optional, so drafts queued by an
 * older version (four texts only) stay valid.
 */
export const NoteSectionsSchema = z.strictObject({
  subjective: z.string().max(NOTE_SECTION_MAX),
  objective: z.string().max(NOTE_SECTION_MAX),
  assessment: z.string().max(NOTE_SECTION_MAX),
  plan: z.string().max(NOTE_SECTION_MAX),
  vitals: DraftVitalsSchema.optional(),
  diagnoses: z.array(NoteDiagnosisSchema).max(MAX_NOTE_DIAGNOSES).optional(),
});
export type NoteSections = z.infer<typeof NoteSectionsSchema>;
export type NoteTextSection = 'subjective' | 'objective' | 'assessment' | 'plan';
export const NOTE_TEXT_SECTIONS: readonly NoteTextSection[] = ['subjective', 'objective', 'assessment', 'plan'];
export const EMPTY_NOTE_SECTIONS: NoteSections = { subjective: '', objective: '', assessment: '', plan: '' };

export const ADDENDUM_MAX = 20_000;

/** A signed amendment to a signed note. */
export const NoteAddendumSchema = z.object({
  id: z.uuid(),
  text: z.string(),
  authorId: z.uuid(),
  signedAt: z.string(),
  contentHash: z.string(),
});
export type NoteAddendum = z.infer<typeof NoteAddendumSchema>;

export const NoteSchema = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  appointmentId: z.uuid().nullable(),
  authorId: z.uuid(),
  status: z.enum(['draft', 'signed']),
  sections: NoteSectionsSchema,
  version: z.number().int(),
  updatedAt: z.string(),
  /** Set once signed (optional on the wire: older caches and drafts do not carry them). */
  signedBy: z.uuid().nullable().optional(),
  signedAt: z.string().nullable().optional(),
  contentHash: z.string().nullable().optional(),
  addenda: z.array(NoteAddendumSchema).optional(),
});
export type Note = z.infer<typeof NoteSchema>;
