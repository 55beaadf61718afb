// The content hash a signature covers: SHA-256 of a canonical serialization of the note's sections (or an
// addendum's text), computed here so the workstation and the server get the same digest for the same content.
import type { NoteSections } from '../domain/note';
import { NOTE_VITAL_FIELDS } from '../domain/note-vitals';
import { sha256Hex } from './sha256';

export const CONTENT_HASH_PATTERN = /^[0-9a-f]{64}$/;

/** JSON with object keys sorted at every depth and no whitespace; undefined members are left out. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('canonicalJson: not a finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * The sections as signed: texts as they are (not trimmed: what was seen is what is signed), vitals with
 * blank fields dropped and each value trimmed, diagnoses in the order given. Absent and empty vitals or
 * diagnoses serialise the same, so an older four-section draft hashes like one with empty extras.
 */
export function canonicalSections(sections: NoteSections): Record<string, unknown> {
  const vitals: Record<string, string> = {};
  for (const field of NOTE_VITAL_FIELDS) {
    const v = sections.vitals?.[field]?.trim();
    if (v) vitals[field] = v;
  }
  return {
    subjective: sections.subjective,
    objective: sections.objective,
    assessment: sections.assessment,
    plan: sections.plan,
    vitals,
    diagnoses: (sections.diagnoses ?? []).map((d) => ({ code: d.code.trim().toUpperCase(), description: d.description })),
  };
}

/** The hash a note signature records: binds the note, its patient and its sections. */
export function noteContentHash(input: { noteId: string; patientId: string; sections: NoteSections }): string {
  return sha256Hex(`housecall-note-v1\n${canonicalJson({ noteId: input.noteId, patientId: input.patientId, sections: canonicalSections(input.sections) })}`);
}

/** The hash an addendum signature records: binds the addendum to its note and its text. */
export function addendumContentHash(input: { noteId: string; addendumId: string; text: string }): string {
  return sha256Hex(`housecall-addendum-v1\n${canonicalJson({ noteId: input.noteId, addendumId: input.addendumId, text: input.text })}`);
}
