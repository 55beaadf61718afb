// What a mapper makes of one FHIR resource: the columns of its Housecall row, or the reason it is not imported.
import type { ImportRejectionReason } from '../../../shared/fhir/import-report';
import type { PlainCoding } from './fhir-values';

export interface Mapped {
  /** Column values written when the row is created and when a changed source updates it. */
  columns: Record<string, unknown>;
  /** Column values written on creation only (e.g. a patient's confirmed location is never overwritten). */
  createOnly?: Record<string, unknown>;
  /** Source codings kept in clinical_codings (problems, allergies, medications). */
  codings?: PlainCoding[];
}

export type MapResult = { ok: true; mapped: Mapped } | { ok: false; reason: ImportRejectionReason };

export const rejected = (reason: ImportRejectionReason): MapResult => ({ ok: false, reason });
export const mapped = (m: Mapped): MapResult => ({ ok: true, mapped: m });
