// Encounter notes. A draft belongs to its author; every saved version is kept.
import { z } from 'zod';

export const NOTE_SECTION_MAX = 20_000;
export const NoteSectionsSchema = z.strictObject({
  subjective: z.string().max(NOTE_SECTION_MAX),
  objective: z.string().max(NOTE_SECTION_MAX),
  assessment: z.string().max(NOTE_SECTION_MAX),
  plan: z.string().max(NOTE_SECTION_MAX),
});
export type NoteSections = z.infer<typeof NoteSectionsSchema>;
export const EMPTY_NOTE_SECTIONS: NoteSections = { subjective: '', objective: '', assessment: '', plan: '' };

export const NoteSchema = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  appointmentId: z.uuid().nullable(),
  authorId: z.uuid(),
  status: z.enum(['draft', 'signed']),
  sections: NoteSectionsSchema,
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Note = z.infer<typeof NoteSchema>;
