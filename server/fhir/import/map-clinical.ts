// Maps FHIR Condition, AllergyIntolerance, MedicationRequest and MedicationStatement onto Housecall's problem,
// allergy and medication lists (ICD-10-CM and RxNorm codes), keeping the source codings beside them.
import type { Allergy, Medication, Problem } from '../../../shared/domain/patient';
import type { FhirAllergyIntolerance, FhirCondition, FhirMedicationRequest, FhirMedicationStatement } from '../../../shared/fhir/resources';
import { SYSTEM } from '../../../shared/fhir/systems';
import type { Icd10CodeSet } from '../../icd10/icd10-codes';
import { SNOMED_TO_ICD10, UNMAPPED_ICD10 } from '../snomed-icd10';
import { codesOf, codingsOf, datePart, textOf } from './fhir-values';
import type { MapResult } from './mapped';
import { mapped, rejected } from './mapped';

/** The ICD-10-CM code for a concept: its own ICD-10-CM coding if in the code set, else the SNOMED map, else R69. */
export function icd10For(codings: ReturnType<typeof codingsOf>, icd10: Pick<Icd10CodeSet, 'get'>): { code: string; from: 'source' | 'map' | 'unmapped'; display: string | null } {
  for (const c of codings) {
    if (c.system !== SYSTEM.icd10cm) continue;
    const known = icd10.get(c.code);
    if (known) return { code: known.code, from: 'source', display: c.display };
  }
  for (const c of codings) {
    const target = c.system === SYSTEM.snomed ? SNOMED_TO_ICD10[c.code] : undefined;
    if (target) return { code: target, from: 'map', display: c.display };
  }
  return { code: UNMAPPED_ICD10, from: 'unmapped', display: null };
}

export function mapCondition(c: FhirCondition, patientId: string, icd10: Pick<Icd10CodeSet, 'get'>): MapResult {
  const verification = codesOf(c.verificationStatus);
  if (verification.includes('entered-in-error')) return rejected('entered_in_error');
  if (verification.includes('refuted')) return rejected('condition_refuted');
  const codings = codingsOf(c.code);
  const text = textOf(c.code);
  if (codings.length === 0 && !text) return rejected('condition_no_code');
  const icd = icd10For(codings, icd10);
  const clinical = codesOf(c.clinicalStatus);
  const abated = Boolean(c.abatementDateTime ?? c.abatementAge ?? c.abatementPeriod ?? c.abatementRange ?? c.abatementString);
  const status: Problem['status'] = clinical.some((s) => ['inactive', 'remission', 'resolved'].includes(s)) ? 'resolved'
    : clinical.length > 0 ? 'active' : abated ? 'resolved' : 'active';
  return mapped({
    columns: {
      patient_id: patientId, icd10_code: icd.code, status,
      description: text ?? icd.display ?? icd10.get(icd.code)?.longDescription ?? icd.code,
      onset_on: datePart(c.onsetDateTime) ?? datePart(c.onsetPeriod?.start),
    },
    codings,
  });
}

const SEVERITY_RANK: Record<NonNullable<Allergy['severity']>, number> = { mild: 1, moderate: 2, severe: 3 };

export function mapAllergy(a: FhirAllergyIntolerance, patientId: string): MapResult {
  const verification = codesOf(a.verificationStatus);
  if (verification.includes('entered-in-error')) return rejected('entered_in_error');
  if (verification.includes('refuted') || codesOf(a.clinicalStatus).some((s) => s === 'inactive' || s === 'resolved')) return rejected('not_active_allergy');
  const codings = codingsOf(a.code);
  const substance = textOf(a.code);
  if (!substance) return rejected('allergy_no_substance');
  const manifestations = [...new Set((a.reaction ?? []).flatMap((r) => r.manifestation.map(textOf).filter((t): t is string => t !== null)))];
  const descriptions = (a.reaction ?? []).flatMap((r) => (r.description ? [r.description] : []));
  const severity = (a.reaction ?? []).map((r) => r.severity).filter((s): s is NonNullable<Allergy['severity']> => s !== undefined)
    .sort((x, y) => SEVERITY_RANK[y] - SEVERITY_RANK[x])[0] ?? null;
  const reaction = manifestations.length > 0 ? manifestations.join('; ') : descriptions.length > 0 ? descriptions.join('; ') : null;
  return mapped({
    columns: {
      patient_id: patientId, substance, code: codings.find((c) => c.system === SYSTEM.rxnorm)?.code ?? null, reaction, severity,
      recorded_on: datePart(a.recordedDate) ?? datePart(a.onsetDateTime),
    },
    codings,
  });
}

const REQUEST_STATUS: Record<FhirMedicationRequest['status'], Medication['status'] | null> = {
  active: 'active', 'on-hold': 'active', draft: 'active', completed: 'completed', stopped: 'stopped', cancelled: 'stopped',
  'entered-in-error': null, unknown: null,
};
const STATEMENT_STATUS: Record<FhirMedicationStatement['status'], Medication['status'] | null> = {
  active: 'active', intended: 'active', 'on-hold': 'active', completed: 'completed', stopped: 'stopped', 'not-taken': 'stopped',
  'entered-in-error': null, unknown: null,
};

export function mapMedication(m: FhirMedicationRequest | FhirMedicationStatement, patientId: string): MapResult {
  const status = m.resourceType === 'MedicationRequest' ? REQUEST_STATUS[m.status] : STATEMENT_STATUS[m.status];
  if (m.status === 'entered-in-error') return rejected('entered_in_error');
  if (!status) return rejected('medication_status_unknown');
  if (m.resourceType === 'MedicationRequest' && (m.intent === 'proposal' || m.intent === 'option')) return rejected('medication_not_an_order');
  const codings = codingsOf(m.medicationCodeableConcept);
  const rxnorm = codings.find((c) => c.system === SYSTEM.rxnorm);
  if (!rxnorm) return rejected('medication_no_rxnorm');
  const dosages = m.resourceType === 'MedicationRequest' ? m.dosageInstruction : m.dosage;
  const sig = (dosages ?? []).flatMap((d) => (d.text ? [d.text] : [])).join('; ') || null;
  const startedOn = m.resourceType === 'MedicationRequest' ? datePart(m.authoredOn)
    : datePart(m.effectiveDateTime) ?? datePart(m.effectivePeriod?.start) ?? datePart(m.dateAsserted);
  return mapped({
    columns: {
      patient_id: patientId, rxnorm_code: rxnorm.code, name: m.medicationCodeableConcept?.text ?? rxnorm.display ?? `RxNorm ${rxnorm.code}`,
      sig, status, started_on: startedOn,
    },
    codings,
  });
}
