// Import mapping rules without a database: the ICD-10-CM code set loader, the curated SNOMED map (every target a
// billable FY2021 code, every Synthea sample condition covered), and how Patients, Conditions and vitals map.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledIcd10File, icd10CodeSet, loadOrderFile, parseOrderFile } from '../../server/icd10/icd10-codes';
import { SNOMED_TO_ICD10 } from '../../server/fhir/snomed-icd10';
import { icd10For, mapAllergy, mapCondition, mapMedication } from '../../server/fhir/import/map-clinical';
import { mapPatient, usableAddress } from '../../server/fhir/import/map-people';
import { mapVitalSign } from '../../server/fhir/import/map-encounters';
import { contentHash, datePart, toInstant } from '../../server/fhir/import/fhir-values';
import { usStateFromAddress } from '../../shared/fhir/us-states';
import type { FhirCondition, FhirObservation, FhirPatient } from '../../shared/fhir/resources';

const SYNTHEA = path.resolve(import.meta.dirname, '../../../shared/data/synthea');
const PID = '11111111-1111-4111-8111-111111111111';

describe('ICD-10-CM code set', () => {
  it('loads the bundled FY2021 order file (byte-identical copy of the shared data)', () => {
    const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
    expect(sha256(bundledIcd10File())).toBe('20f09e56a5ba4084dd4ee85c5436d04b54a8cb13ca5f7241c376c006ca4ee02c');
    const set = icd10CodeSet();
    expect(set.size).toBe(95_358);
    expect(set.get('E11.9')).toEqual({ code: 'E11.9', billable: true, shortDescription: 'Type 2 diabetes mellitus without complications', longDescription: 'Type 2 diabetes mellitus without complications' });
    expect(set.get('e119')?.code).toBe('E11.9');
    expect(set.get('E11')?.billable).toBe(false);
    expect(set.get('U07.1')?.billable).toBe(true);
    expect(set.get('F32.A')).toBeUndefined(); // added in FY2022
  });

  it('reads a newer release in the same layout, plain or gzipped', () => {
    const lines = [
      '00001 A00     0 Cholera                                                      Cholera',
      '04336 F32A    1 Depression, unspecified                                      Depression, unspecified',
    ].join('\r\n');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'icd10-'));
    writeFileSync(path.join(dir, 'icd10cm_order_2025.txt'), lines);
    writeFileSync(path.join(dir, 'icd10cm_order_2025.txt.gz'), gzipSync(lines));
    for (const file of ['icd10cm_order_2025.txt', 'icd10cm_order_2025.txt.gz']) {
      const set = loadOrderFile(path.join(dir, file));
      expect(set.release).toBe('icd10cm_order_2025');
      expect(set.get('F32.A')).toMatchObject({ billable: true, shortDescription: 'Depression, unspecified' });
    }
    expect(() => parseOrderFile('this is not an order file line at all', 'x')).toThrow(/not an ICD-10-CM order file/);
  });

  it('maps every curated SNOMED code to a billable FY2021 ICD-10-CM code', () => {
    const set = icd10CodeSet();
    const bad = Object.entries(SNOMED_TO_ICD10).filter(([, code]) => !set.get(code)?.billable);
    expect(bad).toEqual([]);
  });

  it('covers every Condition code in the Synthea sample bundles', () => {
    const codes = new Set<string>();
    for (const f of readdirSync(SYNTHEA).filter((x) => x.endsWith('.json'))) {
      const b = JSON.parse(readFileSync(path.join(SYNTHEA, f), 'utf8'));
      for (const e of b.entry) if (e.resource.resourceType === 'Condition') for (const c of e.resource.code.coding) codes.add(`${c.system}|${c.code}`);
    }
    expect(codes.size).toBe(28);
    expect([...codes].filter((c) => !c.startsWith('http://snomed.info/sct|') || !SNOMED_TO_ICD10[c.split('|')[1]!])).toEqual([]);
  });
});

describe('values', () => {
  it('reads dates as written and instants in UTC', () => {
    expect(datePart('1994-03-30T23:10:09-05:00')).toBe('1994-03-30');
    expect(datePart('1994-03')).toBeNull();
    expect(toInstant('2011-05-30T14:10:09+02:00')).toBe('2011-05-30T12:10:09.000Z');
    expect(toInstant('2011-05-30')).toBe('2011-05-30T00:00:00.000Z');
    expect(toInstant('2011')).toBeNull();
    expect(contentHash({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe(contentHash({ a: [1, { c: 3, d: 2 }], b: 1 }));
  });

  it('reads US states by code or name', () => {
    expect(usStateFromAddress('Massachusetts')).toBe('MA');
    expect(usStateFromAddress(' new  york ')).toBe('NY');
    expect(usStateFromAddress('wa')).toBe('WA');
    expect(usStateFromAddress('Ontario')).toBeNull();
  });
});

describe('mapPatient', () => {
  const base: FhirPatient = {
    resourceType: 'Patient', name: [{ use: 'old', family: 'Old', given: ['Name'] }, { use: 'official', family: 'Quimbleton', given: ['Zelphira', 'Ann'] }],
    birthDate: '1980-04-02', gender: 'female', telecom: [{ system: 'email', value: 'z@example.test' }, { system: 'phone', value: '555-0100', use: 'home' }],
    address: [{ use: 'old', line: ['1 Old Rd'], city: 'Boston', state: 'MA', postalCode: '02108' }, { line: ['2 Main St', 'Apt 3'], city: 'Seattle', state: 'Washington', postalCode: '98101', country: 'US' }],
  };

  it('takes the official name and the current US address', () => {
    const result = mapPatient(base);
    expect(result).toEqual({ ok: true, mapped: {
      columns: { given_name: 'Zelphira Ann', family_name: 'Quimbleton', birth_date: '1980-04-02', sex: 'female', phone: '555-0100', email: 'z@example.test',
        address_line: '2 Main St, Apt 3', address_city: 'Seattle', address_state: 'WA', postal_code: '98101' },
      createOnly: { location_state: 'WA' },
    } });
  });

  it('rejects a patient without a usable US address, full birth date or name', () => {
    expect(mapPatient({ ...base, address: [{ line: ['1 Rue'], city: 'Paris', state: 'IDF', postalCode: '75001', country: 'FR' }] })).toEqual({ ok: false, reason: 'patient_no_us_address' });
    expect(mapPatient({ ...base, address: undefined })).toEqual({ ok: false, reason: 'patient_no_us_address' });
    expect(usableAddress([{ type: 'postal', line: ['PO Box 1'], city: 'Seattle', state: 'WA', postalCode: '98101' }])).toBeUndefined();
    expect(mapPatient({ ...base, birthDate: '1980' })).toEqual({ ok: false, reason: 'patient_no_birth_date' });
    expect(mapPatient({ ...base, name: [{ text: 'Just Text' }] })).toEqual({ ok: false, reason: 'patient_no_name' });
    expect(mapPatient({ ...base, gender: undefined })).toMatchObject({ ok: true, mapped: { columns: { sex: 'unknown' } } });
  });
});

describe('mapCondition and friends', () => {
  const icd10 = icd10CodeSet();
  const condition = (coding: Array<{ system: string; code: string; display?: string }>, extra: Partial<FhirCondition> = {}): FhirCondition => ({
    resourceType: 'Condition', subject: { reference: 'Patient/x' }, code: { coding, text: 'Source text' }, ...extra,
  });

  it('prefers a valid ICD-10-CM coding, then the SNOMED map, else R69 keeping the source codings', () => {
    expect(icd10For([{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'e11.9', display: null }], icd10).code).toBe('E11.9');
    expect(icd10For([{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'F32.A', display: null }, { system: 'http://snomed.info/sct', code: '38341003', display: null }], icd10)).toMatchObject({ code: 'I10', from: 'map' });
    const unmapped = mapCondition(condition([{ system: 'http://snomed.info/sct', code: '999999999', display: 'Rare thing' }]), PID, icd10);
    expect(unmapped).toMatchObject({ ok: true, mapped: { columns: { icd10_code: 'R69', description: 'Source text' }, codings: [{ system: 'http://snomed.info/sct', code: '999999999', display: 'Rare thing' }] } });
  });

  it('maps clinical status, onset and refuses entered-in-error or refuted conditions', () => {
    const resolved = mapCondition(condition([{ system: 'http://snomed.info/sct', code: '10509002' }], {
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'resolved' }] }, onsetDateTime: '2001-02-03T04:05:06+00:00',
    }), PID, icd10);
    expect(resolved).toMatchObject({ ok: true, mapped: { columns: { patient_id: PID, icd10_code: 'J20.9', status: 'resolved', onset_on: '2001-02-03' } } });
    expect(mapCondition(condition([], { verificationStatus: { coding: [{ code: 'entered-in-error' }] } }), PID, icd10)).toEqual({ ok: false, reason: 'entered_in_error' });
    expect(mapCondition(condition([], { verificationStatus: { coding: [{ code: 'refuted' }] } }), PID, icd10)).toEqual({ ok: false, reason: 'condition_refuted' });
    expect(mapCondition({ resourceType: 'Condition', subject: { reference: 'Patient/x' } }, PID, icd10)).toEqual({ ok: false, reason: 'condition_no_code' });
  });

  it('lists only current allergies and RxNorm-coded medications', () => {
    const allergy = { resourceType: 'AllergyIntolerance' as const, patient: { reference: 'Patient/x' }, code: { text: 'Penicillin', coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '7980' }] },
      clinicalStatus: { coding: [{ code: 'active' }] }, reaction: [{ manifestation: [{ text: 'Hives' }], severity: 'mild' as const }, { manifestation: [{ text: 'Wheeze' }], severity: 'severe' as const }] };
    expect(mapAllergy(allergy, PID)).toMatchObject({ ok: true, mapped: { columns: { substance: 'Penicillin', code: '7980', reaction: 'Hives; Wheeze', severity: 'severe' } } });
    expect(mapAllergy({ ...allergy, clinicalStatus: { coding: [{ code: 'resolved' }] } }, PID)).toEqual({ ok: false, reason: 'not_active_allergy' });
    const med = { resourceType: 'MedicationRequest' as const, status: 'stopped' as const, intent: 'order' as const, subject: { reference: 'Patient/x' },
      medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '313782', display: 'Acetaminophen 325 MG Oral Tablet' }] },
      authoredOn: '2010-01-02T03:04:05Z', dosageInstruction: [{ text: '1 tablet every 6 hours' }] };
    expect(mapMedication(med, PID)).toMatchObject({ ok: true, mapped: { columns: { rxnorm_code: '313782', name: 'Acetaminophen 325 MG Oral Tablet', status: 'stopped', started_on: '2010-01-02', sig: '1 tablet every 6 hours' } } });
    expect(mapMedication({ ...med, medicationCodeableConcept: { text: 'Something' } }, PID)).toEqual({ ok: false, reason: 'medication_no_rxnorm' });
    expect(mapMedication({ ...med, intent: 'proposal' }, PID)).toEqual({ ok: false, reason: 'medication_not_an_order' });
  });
});

describe('mapVitalSign', () => {
  const obs = (extra: Partial<FhirObservation>): FhirObservation => ({
    resourceType: 'Observation', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '8331-1' }] }, subject: { reference: 'Patient/x' },
    effectiveDateTime: '2020-01-01T10:00:00+00:00', valueQuantity: { value: 37.1, unit: 'Cel', system: 'http://unitsofmeasure.org', code: 'Cel' }, ...extra,
  });

  it('stores the profile code and keeps the more specific source code', () => {
    expect(mapVitalSign(obs({}), PID, null)).toMatchObject({ ok: true, mapped: { columns: { loinc_code: '8310-5', source_code: '8331-1', value: 37.1, unit: 'Cel', effective_at: '2020-01-01T10:00:00.000Z' } } });
  });

  it('reads a blood pressure panel into systolic and diastolic', () => {
    const mmHg = (value: number) => ({ value, unit: 'mm[Hg]', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' });
    const bp = obs({ code: { coding: [{ system: 'http://loinc.org', code: '55284-4' }] }, valueQuantity: undefined, component: [
      { code: { coding: [{ system: 'http://loinc.org', code: '8462-4' }] }, valueQuantity: mmHg(80) },
      { code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] }, valueQuantity: mmHg(120) },
    ] });
    expect(mapVitalSign(bp, PID, null)).toMatchObject({ ok: true, mapped: { columns: { loinc_code: '85354-9', source_code: '55284-4', value: null, systolic: 120, diastolic: 80, unit: 'mm[Hg]' } } });
    expect(mapVitalSign({ ...bp, component: bp.component!.slice(0, 1) }, PID, null)).toEqual({ ok: false, reason: 'vital_no_value' });
  });

  it('refuses units the profile does not allow, missing times and unusable statuses', () => {
    expect(mapVitalSign(obs({ valueQuantity: { value: 99, unit: 'F' } }), PID, null)).toEqual({ ok: false, reason: 'vital_unit' });
    expect(mapVitalSign(obs({ effectiveDateTime: undefined }), PID, null)).toEqual({ ok: false, reason: 'vital_no_time' });
    expect(mapVitalSign(obs({ status: 'cancelled' }), PID, null)).toEqual({ ok: false, reason: 'vital_status' });
    expect(mapVitalSign(obs({ status: 'entered-in-error' }), PID, null)).toEqual({ ok: false, reason: 'entered_in_error' });
  });
});
