// Builds FHIR R4 resources from Housecall rows for an export: standard codes (ICD-10-CM, RxNorm, LOINC with
// UCUM units), references as urn:uuid of the local ids, and no empty or null elements.
import type { Allergy, Medication, PatientSummary, Problem } from '../../../shared/domain/patient';
import type { Appointment } from '../../../shared/domain/appointment';
import { ENCOUNTER_CLASSES } from '../../../shared/domain/encounter';
import { BP_DIASTOLIC_LOINC, BP_SYSTOLIC_LOINC } from '../../../shared/domain/vitals';
import { SYSTEM, VITAL_SIGNS_PROFILE } from '../../../shared/fhir/systems';

export type Json = Record<string, unknown>;
export interface StoredCoding { system: string; code: string; display: string | null }

export const ref = (id: string) => ({ reference: `urn:uuid:${id}` });
const iso = (d: Date | string | null) => (d === null ? undefined : d instanceof Date ? d.toISOString() : new Date(d).toISOString());

/** Drops null, undefined, empty strings, empty arrays and empty objects: FHIR JSON has none of them. */
export function compact<T>(value: T): T {
  if (Array.isArray(value)) return value.map(compact).filter((v) => !isEmpty(v)) as T;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const out: Json = {};
    for (const [k, v] of Object.entries(value)) {
      const c = compact(v);
      if (!isEmpty(c)) out[k] = c;
    }
    return out as T;
  }
  return value;
}
const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && Object.keys(v).length === 0);

function concept(primary: StoredCoding | null, stored: readonly StoredCoding[], text: string | null) {
  const codings = primary ? [primary, ...stored.filter((c) => !(c.system === primary.system && c.code === primary.code))] : [...stored];
  return { coding: codings.map((c) => ({ system: c.system, code: c.code, display: c.display })), text };
}

export function patientResource(p: PatientSummary, updatedAt: Date): Json {
  return compact({
    resourceType: 'Patient', id: p.id, meta: { versionId: String(p.version), lastUpdated: iso(updatedAt) },
    identifier: [{
      use: 'usual', type: { coding: [{ system: SYSTEM.identifierType, code: 'MR', display: 'Medical record number' }], text: 'MRN' },
      system: SYSTEM.housecallMrn, value: p.mrn,
    }],
    name: [{ use: 'official', family: p.familyName, given: p.givenName.split(/\s+/) }],
    telecom: [p.phone ? { system: 'phone', value: p.phone } : null, p.email ? { system: 'email', value: p.email } : null],
    gender: p.sex, birthDate: p.birthDate,
    address: [{ use: 'home', type: 'physical', line: [p.address.line], city: p.address.city, state: p.address.state, postalCode: p.address.postalCode, country: 'US' }],
  });
}

export function practitionerResource(id: string, p: { family: string | null; given: string | null; prefix: string | null; text: string | null; npi: string | null }): Json {
  return compact({
    resourceType: 'Practitioner', id, identifier: p.npi ? [{ system: SYSTEM.npi, value: p.npi }] : null,
    name: [{ text: p.text, family: p.family, given: p.given?.split(/\s+/), prefix: p.prefix?.split(/\s+/) }],
  });
}

export function conditionResource(patientId: string, p: Problem, icd10Display: string | null, stored: readonly StoredCoding[]): Json {
  return compact({
    resourceType: 'Condition', id: p.id,
    clinicalStatus: { coding: [{ system: SYSTEM.conditionClinical, code: p.status, display: p.status === 'active' ? 'Active' : 'Resolved' }] },
    category: [{ coding: [{ system: SYSTEM.conditionCategory, code: 'problem-list-item', display: 'Problem List Item' }] }],
    code: concept({ system: SYSTEM.icd10cm, code: p.icd10Code, display: icd10Display }, stored, p.description),
    subject: ref(patientId), onsetDateTime: p.onsetOn,
  });
}

export function allergyResource(patientId: string, a: Allergy, stored: readonly StoredCoding[]): Json {
  const rxnorm = a.code ? { system: SYSTEM.rxnorm, code: a.code, display: null } : null;
  return compact({
    resourceType: 'AllergyIntolerance', id: a.id,
    clinicalStatus: { coding: [{ system: SYSTEM.allergyClinical, code: 'active', display: 'Active' }] },
    verificationStatus: { coding: [{ system: SYSTEM.allergyVerification, code: 'confirmed', display: 'Confirmed' }] },
    code: concept(rxnorm, stored, a.substance), patient: ref(patientId), recordedDate: a.recordedOn,
    reaction: a.reaction ? [{ manifestation: [{ text: a.reaction }], severity: a.severity }] : null,
  });
}

/** A medication list entry: MedicationRequest when it came as one, else MedicationStatement (what the patient takes). */
export function medicationResource(patientId: string, m: Medication, asRequest: boolean, stored: readonly StoredCoding[]): Json {
  const medication = concept({ system: SYSTEM.rxnorm, code: m.rxnormCode, display: m.name }, stored, m.name);
  const dosage = m.sig ? [{ text: m.sig }] : null;
  return compact(asRequest
    ? { resourceType: 'MedicationRequest', id: m.id, status: m.status, intent: 'order', medicationCodeableConcept: medication, subject: ref(patientId), authoredOn: m.startedOn, dosageInstruction: dosage }
    : { resourceType: 'MedicationStatement', id: m.id, status: m.status, medicationCodeableConcept: medication, subject: ref(patientId), effectiveDateTime: m.startedOn, dosage });
}

export interface EncounterRow {
  id: string; class_code: string; status: string; type_system: string | null; type_code: string | null; type_display: string | null;
  reason_system: string | null; reason_code: string | null; reason_display: string | null; starts_at: Date | null; ends_at: Date | null;
  practitioner_id: string | null; clinician_id: string | null; appointment_id: string | null;
}

function codedText(system: string | null, code: string | null, display: string | null) {
  return { coding: system && code ? [{ system, code, display }] : null, text: display };
}

export function encounterResource(patientId: string, e: EncounterRow): Json {
  const who = e.practitioner_id ?? e.clinician_id;
  return compact({
    resourceType: 'Encounter', id: e.id, status: e.status,
    class: { system: SYSTEM.actCode, code: e.class_code, display: ENCOUNTER_CLASSES[e.class_code] ?? null },
    type: [codedText(e.type_system, e.type_code, e.type_display)], subject: ref(patientId),
    participant: who ? [{ individual: ref(who) }] : null, appointment: e.appointment_id ? [ref(e.appointment_id)] : null,
    period: { start: iso(e.starts_at), end: iso(e.ends_at) }, reasonCode: [codedText(e.reason_system, e.reason_code, e.reason_display)],
  });
}

const APPOINTMENT_STATUS: Record<Appointment['status'], string> = {
  booked: 'booked', checked_in: 'checked-in', in_progress: 'arrived', completed: 'fulfilled', no_show: 'noshow', cancelled: 'cancelled',
};
const VISIT_KIND_TEXT: Record<Appointment['kind'], string> = { video: 'Video visit', home: 'Home visit', clinic: 'Clinic visit' };

export function appointmentResource(a: Pick<Appointment, 'id' | 'patientId' | 'clinicianId' | 'kind' | 'status' | 'startsAt' | 'endsAt' | 'reason'>): Json {
  return compact({
    resourceType: 'Appointment', id: a.id, status: APPOINTMENT_STATUS[a.status], serviceType: [{ text: VISIT_KIND_TEXT[a.kind] }],
    reasonCode: [{ text: a.reason }], start: iso(a.startsAt), end: iso(a.endsAt),
    participant: [{ actor: ref(a.patientId), status: 'accepted' }, { actor: ref(a.clinicianId), status: 'accepted' }],
  });
}

export interface VitalRow {
  id: string; encounter_id: string | null; loinc_code: string; source_code: string | null; display: string; value: string | null;
  systolic: string | null; diastolic: string | null; unit: string; status: string; effective_at: Date;
}

const quantity = (value: string, unit: string) => ({ value: Number(value), unit, system: SYSTEM.ucum, code: unit });

export function vitalSignResource(patientId: string, v: VitalRow): Json {
  const bp = v.systolic !== null && v.diastolic !== null;
  return compact({
    resourceType: 'Observation', id: v.id, meta: { profile: [VITAL_SIGNS_PROFILE] }, status: v.status,
    category: [{ coding: [{ system: SYSTEM.observationCategory, code: 'vital-signs', display: 'Vital Signs' }], text: 'Vital Signs' }],
    code: { coding: [{ system: SYSTEM.loinc, code: v.loinc_code, display: v.display }, v.source_code ? { system: SYSTEM.loinc, code: v.source_code } : null], text: v.display },
    subject: ref(patientId), encounter: v.encounter_id ? ref(v.encounter_id) : null, effectiveDateTime: iso(v.effective_at),
    valueQuantity: bp || v.value === null ? null : quantity(v.value, v.unit),
    component: bp ? [
      { code: { coding: [{ system: SYSTEM.loinc, code: BP_SYSTOLIC_LOINC, display: 'Systolic blood pressure' }] }, valueQuantity: quantity(v.systolic!, v.unit) },
      { code: { coding: [{ system: SYSTEM.loinc, code: BP_DIASTOLIC_LOINC, display: 'Diastolic blood pressure' }] }, valueQuantity: quantity(v.diastolic!, v.unit) },
    ] : null,
  });
}
