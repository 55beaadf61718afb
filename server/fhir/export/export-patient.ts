// Patient/$everything: one patient's record as a FHIR R4 collection Bundle (Patient, problems, allergies,
// medications, encounters and visits with their practitioners, vital signs). The caller checks access and audits.
import { createHash, randomUUID } from 'node:crypto';
import type { Queryable } from '../../db/database';
import type { Allergy, Medication, Problem } from '../../../shared/domain/patient';
import type { Appointment } from '../../../shared/domain/appointment';
import { CLASS_OF_VISIT_KIND } from '../../../shared/domain/encounter';
import { toPatientSummary } from '../../patients/patient-repository';
import { icd10CodeSet } from '../../icd10/icd10-codes';
import type { Json, EncounterRow, StoredCoding, VitalRow } from './to-fhir';
import {
  allergyResource, appointmentResource, conditionResource, encounterResource, medicationResource, patientResource, practitionerResource,
  vitalSignResource,
} from './to-fhir';

/** A stable id for the Encounter of a Housecall visit that has no encounter row of its own. */
export function visitEncounterId(appointmentId: string): string {
  const h = createHash('sha256').update(`housecall:visit-encounter:${appointmentId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const VISIT_ENCOUNTER_STATUS: Partial<Record<Appointment['status'], string>> = { checked_in: 'arrived', in_progress: 'in-progress', completed: 'finished' };

export async function exportPatientEverything(db: Queryable, patientId: string, now: Date): Promise<{ bundle: Json; resources: number } | null> {
  const patient = await db.query<Record<string, unknown> & { updated_at: Date }>(
    `SELECT p.id, p.mrn, p.given_name, p.family_name, p.birth_date, p.sex, p.phone, p.email, p.address_line, p.address_city,
            p.address_state, p.postal_code, p.location_state, p.city_id, NULL AS employer, p.version, p.updated_at
       FROM patients p WHERE p.id = $1`, [patientId]);
  const row = patient.rows[0];
  if (!row) return null;
  const codingsOf = async (entity: string) => {
    const { rows } = await db.query<StoredCoding & { entity_id: string }>(
      `SELECT c.entity_id, c.system, c.code, c.display FROM clinical_codings c
        WHERE c.entity = $1 AND c.entity_id IN (SELECT id FROM patient_problems WHERE patient_id = $2 UNION ALL SELECT id FROM patient_allergies WHERE patient_id = $2
                                                UNION ALL SELECT id FROM patient_medications WHERE patient_id = $2)
        ORDER BY c.entity_id, c.position`, [entity, patientId]);
    const by = new Map<string, StoredCoding[]>();
    for (const r of rows) by.set(r.entity_id, [...(by.get(r.entity_id) ?? []), { system: r.system, code: r.code, display: r.display }]);
    return (id: string) => by.get(id) ?? [];
  };
  const [problems, allergies, medications, encounters, vitals, visits, problemCodings, allergyCodings, medicationCodings] = await Promise.all([
    db.query<{ id: string; icd10_code: string; description: string; status: Problem['status']; onset_on: string | null }>(
      'SELECT id, icd10_code, description, status, onset_on FROM patient_problems WHERE patient_id = $1 ORDER BY onset_on NULLS LAST, id', [patientId]),
    db.query<{ id: string; substance: string; code: string | null; reaction: string | null; severity: Allergy['severity']; recorded_on: string | null }>(
      'SELECT id, substance, code, reaction, severity, recorded_on FROM patient_allergies WHERE patient_id = $1 ORDER BY recorded_on NULLS LAST, id', [patientId]),
    db.query<{ id: string; rxnorm_code: string; name: string; sig: string | null; status: Medication['status']; started_on: string | null; as_request: boolean }>(
      `SELECT m.id, m.rxnorm_code, m.name, m.sig, m.status, m.started_on,
              EXISTS (SELECT 1 FROM external_ids x WHERE x.local_id = m.id AND x.resource_type = 'MedicationRequest') AS as_request
         FROM patient_medications m WHERE m.patient_id = $1 ORDER BY m.started_on NULLS LAST, m.id`, [patientId]),
    db.query<EncounterRow>(
      `SELECT id, class_code, status, type_system, type_code, type_display, reason_system, reason_code, reason_display, starts_at, ends_at,
              practitioner_id, clinician_id, appointment_id
         FROM encounters WHERE patient_id = $1 ORDER BY starts_at NULLS LAST, id`, [patientId]),
    db.query<VitalRow>(
      `SELECT id, encounter_id, loinc_code, source_code, display, value, systolic, diastolic, unit, status, effective_at
         FROM vital_signs WHERE patient_id = $1 ORDER BY effective_at, id`, [patientId]),
    db.query<{ id: string; clinician_id: string; kind: Appointment['kind']; status: Appointment['status']; starts_at: Date; ends_at: Date; reason: string }>(
      'SELECT id, clinician_id, kind, status, starts_at, ends_at, reason FROM appointments WHERE patient_id = $1 ORDER BY starts_at, id', [patientId]),
    codingsOf('problem'), codingsOf('allergy'), codingsOf('medication'),
  ]);

  const practitionerIds = [...new Set(encounters.rows.flatMap((e) => (e.practitioner_id ? [e.practitioner_id] : [])))];
  const clinicianIds = [...new Set([...encounters.rows.flatMap((e) => (e.clinician_id ? [e.clinician_id] : [])), ...visits.rows.map((v) => v.clinician_id)])];
  const [practitioners, clinicians] = await Promise.all([
    db.query<{ id: string; family_name: string | null; given_name: string | null; prefix: string | null; npi: string | null }>(
      'SELECT id, family_name, given_name, prefix, npi FROM practitioners WHERE id = ANY($1::uuid[]) ORDER BY id', [practitionerIds]),
    db.query<{ id: string; display_name: string }>('SELECT id, display_name FROM users WHERE id = ANY($1::uuid[]) ORDER BY id', [clinicianIds]),
  ]);

  const icd10 = icd10CodeSet();
  const withEncounter = new Set(encounters.rows.flatMap((e) => (e.appointment_id ? [e.appointment_id] : [])));
  const visitEncounters: EncounterRow[] = visits.rows.flatMap((v) => {
    const status = VISIT_ENCOUNTER_STATUS[v.status];
    if (!status || withEncounter.has(v.id)) return [];
    return [{
      id: visitEncounterId(v.id), class_code: CLASS_OF_VISIT_KIND[v.kind], status, type_system: null, type_code: null, type_display: null,
      reason_system: null, reason_code: null, reason_display: v.reason, starts_at: v.starts_at, ends_at: status === 'finished' ? v.ends_at : null,
      practitioner_id: null, clinician_id: v.clinician_id, appointment_id: v.id,
    }];
  });

  const resources: Json[] = [
    patientResource(toPatientSummary(row as never), row.updated_at),
    ...practitioners.rows.map((p) => practitionerResource(p.id, { family: p.family_name, given: p.given_name, prefix: p.prefix, text: null, npi: p.npi })),
    ...clinicians.rows.map((u) => practitionerResource(u.id, { family: null, given: null, prefix: null, text: u.display_name, npi: null })),
    ...visits.rows.map((v) => appointmentResource({ id: v.id, patientId, clinicianId: v.clinician_id, kind: v.kind, status: v.status, startsAt: v.starts_at.toISOString(), endsAt: v.ends_at.toISOString(), reason: v.reason })),
    ...[...encounters.rows, ...visitEncounters].map((e) => encounterResource(patientId, e)),
    ...problems.rows.map((p) => conditionResource(patientId, { id: p.id, icd10Code: p.icd10_code, description: p.description, status: p.status, onsetOn: p.onset_on },
      icd10.get(p.icd10_code)?.longDescription ?? null, problemCodings(p.id))),
    ...allergies.rows.map((a) => allergyResource(patientId, { id: a.id, substance: a.substance, code: a.code, reaction: a.reaction, severity: a.severity, recordedOn: a.recorded_on }, allergyCodings(a.id))),
    ...medications.rows.map((m) => medicationResource(patientId, { id: m.id, rxnormCode: m.rxnorm_code, name: m.name, sig: m.sig, status: m.status, startedOn: m.started_on }, m.as_request, medicationCodings(m.id))),
    ...vitals.rows.map((v) => vitalSignResource(patientId, v)),
  ];
  const bundle: Json = {
    resourceType: 'Bundle', id: randomUUID(), meta: { lastUpdated: now.toISOString() }, type: 'collection', timestamp: now.toISOString(),
    entry: resources.map((resource) => ({ fullUrl: `urn:uuid:${String(resource.id)}`, resource })),
  };
  return { bundle, resources: resources.length };
}
