// POST /api/admin/fhir/import: what an import did, in counts per FHIR resource type (never patient data).
import { z } from 'zod';

/** Why one resource of an otherwise valid bundle was not imported. */
export const IMPORT_REJECTION_REASONS = {
  patient_no_name: 'the Patient has no family and given name',
  patient_no_birth_date: 'the Patient has no full birth date (YYYY-MM-DD)',
  patient_no_us_address: 'the Patient has no current US address with street, city, state and postal code (Housecall needs the state to decide who may see them)',
  patient_rejected: 'it belongs to a Patient that was not imported',
  subject_not_patient: 'its subject is not a Patient',
  entered_in_error: 'it is marked entered-in-error',
  not_active_allergy: 'the allergy is inactive, resolved or refuted (Housecall lists current allergies only)',
  allergy_no_substance: 'the AllergyIntolerance names no substance',
  condition_no_code: 'the Condition has no code or text',
  condition_refuted: 'the Condition is refuted',
  medication_no_rxnorm: 'the medication has no RxNorm code (medicationReference is not read)',
  medication_status_unknown: 'the medication status is unknown',
  medication_not_an_order: 'the MedicationRequest is a proposal or option, not an order or plan',
  encounter_class_not_actcode: 'the Encounter class is not an HL7 v3 ActCode',
  vital_status: 'the vital sign is registered, cancelled or of unknown status',
  vital_no_time: 'the vital sign has no effective date and time',
  vital_no_value: 'the vital sign has no value (or, for blood pressure, no systolic and diastolic)',
  vital_unit: 'the vital sign is not in a UCUM unit the vital-signs profile allows',
  modifier_extension: 'it has a modifierExtension Housecall does not understand',
} as const;
export type ImportRejectionReason = keyof typeof IMPORT_REJECTION_REASONS;
export const ImportRejectionReasonSchema = z.enum(Object.keys(IMPORT_REJECTION_REASONS) as [ImportRejectionReason, ...ImportRejectionReason[]]);

const Counts = z.record(z.string(), z.number().int().min(0));

export const ImportReportSchema = z.object({
  bundleType: z.enum(['transaction', 'collection']),
  entries: z.number().int().min(0),
  /** Per FHIR resource type: rows created, updated (the source changed since the last import) and unchanged. */
  created: Counts,
  updated: Counts,
  unchanged: Counts,
  /** Entries Housecall does not import, by resource type; Observations that are not vital signs as `Observation:<category>`. */
  unsupported: Counts,
  rejected: z.array(z.object({ entry: z.number().int().min(0), resourceType: z.string(), reason: ImportRejectionReasonSchema })),
  /** Local ids of the patients the bundle holds (created, updated or unchanged). */
  patientIds: z.array(z.uuid()),
  /** Care team memberships added (CLI --care-team); the admin action adds none. */
  careTeamAdded: z.number().int().min(0),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

/** The query of the import route: an optional source system naming where the bundle's resource ids come from. */
export const ImportQuerySchema = z.strictObject({
  source: z.string().regex(/^[A-Za-z][A-Za-z0-9+.-]*:\S{1,200}$/, 'a URI').optional(),
});
