// The structural FHIR R4 validator in shared/fhir: what it accepts (the Synthea sample bundles), and each rule
// it enforces (Bundle invariants, resource schemas and invariants, ids, fullUrls, references, the export profile).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkExportProfile, validateBundle } from '../../shared/fhir';

const SYNTHEA = path.resolve(import.meta.dirname, '../../../shared/data/synthea');
const syntheaFiles = readdirSync(SYNTHEA).filter((f) => f.endsWith('.json'));

const P = 'urn:uuid:0b3c3b2e-1111-4222-8333-444455556666';
const E = 'urn:uuid:0b3c3b2e-1111-4222-8333-444455556667';
const patient = { resourceType: 'Patient', id: 'p1', name: [{ family: 'Test', given: ['Pat'] }], birthDate: '1980-01-02' };
const bundle = (...entries: object[]) => ({ resourceType: 'Bundle', type: 'collection', entry: entries });
const vital = (extra: object) => ({
  resourceType: 'Observation', id: 'o1', status: 'final', subject: { reference: P }, effectiveDateTime: '2020-01-01T10:00:00Z',
  category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] }], ...extra,
});
const messages = (input: unknown, mode: 'strict' | 'lenient' = 'strict') => validateBundle(input, mode).issues.map((i) => `${i.path}: ${i.message}`);

describe('validateBundle', () => {
  it.each(syntheaFiles)('accepts the Synthea bundle %s (lenient and strict)', (file) => {
    const input = JSON.parse(readFileSync(path.join(SYNTHEA, file), 'utf8'));
    expect(messages(input, 'lenient')).toEqual([]);
    expect(messages(input, 'strict')).toEqual([]);
  });

  it('rejects what is not a Bundle', () => {
    expect(messages([])).toEqual(['(root): is not a JSON object']);
    expect(messages({ resourceType: 'Patient' })).toEqual(['resourceType: is not Bundle']);
    expect(messages({ type: 'collection' })).toEqual(['resourceType: is required: this is not a FHIR resource']);
    expect(messages({ resourceType: 'Bundle', type: 'pile' })[0]).toMatch(/^type: /);
  });

  it('enforces the Bundle invariants', () => {
    expect(messages({ resourceType: 'Bundle', type: 'transaction', entry: [{ fullUrl: P, resource: patient }] })).toEqual(['entry[0].request: entry.request is required in a transaction (bdl-3)']);
    expect(messages({ resourceType: 'Bundle', type: 'collection', total: 1 })).toEqual(['total: total only in a searchset or history (bdl-1)']);
    expect(messages(bundle({ fullUrl: P, resource: patient }, { fullUrl: P, resource: { ...patient, id: 'p2' } }))).toEqual(['entry[1].fullUrl: fullUrl must be unique in a bundle (bdl-7)']);
    expect(messages(bundle({ fullUrl: P, resource: patient, search: { mode: 'match' } }))).toEqual(['entry[0].search: entry.search only in a searchset (bdl-2)']);
    expect(messages({ resourceType: 'Bundle', type: 'collection', entry: [] })).toEqual(['entry: must not be an empty array (leave the element out instead)']);
  });

  it('checks resource types, ids and fullUrl forms', () => {
    expect(messages(bundle({ resource: { resourceType: 'Frobnication' } }))).toEqual(['entry[0].resource.resourceType: is not a FHIR R4 resource type']);
    expect(messages(bundle({ resource: { ...patient, id: 'has space' } }))).toEqual(['entry[0].resource.id: must be 1-64 letters, digits, "-" or "."']);
    expect(messages(bundle({ resource: { resourceType: 'Organization', id: 'x'.repeat(65) } }))).toEqual(['entry[0].resource.id: must be 1-64 letters, digits, "-" or "."']);
    expect(messages(bundle({ fullUrl: 'urn:uuid:0B3C3B2E-1111-4222-8333-444455556666', resource: patient }))[0]).toMatch(/fullUrl: must be urn:uuid:<lowercase uuid>/);
    expect(messages(bundle({ fullUrl: 'http://example.org/fhir/Patient/p2', resource: patient }))).toEqual(['entry[0].fullUrl: an http(s) fullUrl must end with the resource type and id']);
    expect(messages(bundle({ fullUrl: 'http://example.org/fhir/Patient/p1', resource: patient }))).toEqual([]);
  });

  it('refuses a resource it does not model whose contained resources are not a list of resources', () => {
    const claim = (contained: unknown) => bundle({ resource: { resourceType: 'ExplanationOfBenefit', id: 'e1', contained, referral: { reference: '#r' } } });
    expect(messages(claim([{ resourceType: 'ServiceRequest', id: 'r' }]))).toEqual([]);
    for (const bad of ['', {}, [null], ['r'], [{ id: 'r' }]]) {
      expect(messages(claim(bad))).toEqual([
        'entry[0].resource.contained: must be a list of resources',
        'entry[0].resource.referral.reference: refers to a contained resource that is not there',
      ]);
    }
  });

  it('checks primitive formats, required elements, cardinality and value sets', () => {
    const bad = { ...patient, gender: 'x', birthDate: '1980-13-01', name: [{ family: '' }], telecom: [{ value: '555' }] };
    expect(messages(bundle({ fullUrl: P, resource: bad })).sort()).toEqual([
      'entry[0].resource.name[0].family: must not be empty (leave the element out instead)',
      'entry[0].resource.telecom[0].system: a contact value needs its system (cpt-2)',
      'entry[0].resource.gender: Invalid option: expected one of "male"|"female"|"other"|"unknown"',
      'entry[0].resource.birthDate: must be a FHIR date (YYYY, YYYY-MM or YYYY-MM-DD)',
    ].sort());
    const condition = { resourceType: 'Condition', id: 'c1', code: { text: 'x' } };
    expect(messages(bundle({ fullUrl: P, resource: patient }, { fullUrl: E, resource: condition }))).toEqual(['entry[1].resource.subject: is required']);
    const observation = { resourceType: 'Observation', id: 'o1', status: 'final', code: { text: 'x' }, effectiveDateTime: '2020-01-01T10:00' };
    expect(messages(bundle({ fullUrl: E, resource: observation }))).toEqual(['entry[0].resource.effectiveDateTime: must be a FHIR dateTime (a date, or date and time with a time zone)']);
  });

  it('checks resource invariants', () => {
    const abatedButActive = {
      resourceType: 'Condition', id: 'c1', subject: { reference: P }, abatementDateTime: '2020-01-01',
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
    };
    expect(messages(bundle({ fullUrl: P, resource: patient }, { fullUrl: E, resource: abatedButActive }))).toEqual(['entry[1].resource.clinicalStatus: an abated condition must be inactive, resolved or in remission (con-4)']);
    const noStatus = { resourceType: 'AllergyIntolerance', id: 'a1', patient: { reference: P } };
    expect(messages(bundle({ fullUrl: P, resource: patient }, { fullUrl: E, resource: noStatus }))).toEqual(['entry[1].resource.clinicalStatus: clinicalStatus is required unless entered-in-error (ait-1)']);
    const noMedication = { resourceType: 'MedicationRequest', id: 'm1', status: 'active', intent: 'order', subject: { reference: P } };
    expect(messages(bundle({ fullUrl: P, resource: patient }, { fullUrl: E, resource: noMedication }))[0]).toMatch(/medication\[x\] is required/);
    const twoValues = vital({ code: { text: 'x' }, valueString: 'a', valueBoolean: true });
    expect(messages(bundle({ fullUrl: P, resource: patient }, { fullUrl: E, resource: twoValues }))[0]).toMatch(/value\[x\] may have only one form/);
  });

  it('resolves references: urn:uuid within the bundle, relative ones left to the importer in lenient mode', () => {
    const condition = (reference: string) => ({ resourceType: 'Condition', id: 'c1', subject: { reference }, code: { text: 'x' } });
    const ok = bundle({ fullUrl: P, resource: patient }, { fullUrl: E, resource: condition(P) });
    expect(messages(ok)).toEqual([]);
    expect(messages(bundle({ fullUrl: P, resource: patient }, { fullUrl: E, resource: condition('Patient/p1') }))).toEqual([]);
    const dangling = bundle({ fullUrl: E, resource: condition('urn:uuid:0b3c3b2e-1111-4222-8333-000000000000') });
    expect(messages(dangling, 'lenient')).toEqual(['entry[0].resource.subject.reference: refers to a resource that is not in the bundle']);
    const relative = bundle({ fullUrl: E, resource: condition('Patient/elsewhere') });
    expect(messages(relative, 'strict')).toEqual(['entry[0].resource.subject.reference: refers to a resource that is not in the bundle']);
    const lenient = validateBundle(relative, 'lenient');
    expect(lenient.ok).toBe(true);
    expect(lenient.unresolved).toEqual([{ entry: 0, path: 'entry[0].resource.subject.reference', type: 'Patient', id: 'elsewhere' }]);
    expect(messages(bundle({ fullUrl: E, resource: condition('Patient?identifier=1') }), 'lenient')).toEqual(['entry[0].resource.subject.reference: conditional references (Type?search) are not supported']);
    expect(messages(bundle({ fullUrl: E, resource: condition('#p') }), 'lenient')).toEqual(['entry[0].resource.subject.reference: refers to a contained resource that is not there']);
  });

  it('reports unknown elements in strict mode only', () => {
    const input = bundle({ fullUrl: P, resource: { ...patient, favouriteColour: 'blue', _birthDate: { extension: [{ url: 'http://x', valueString: 'y' }] } } });
    expect(messages(input, 'lenient')).toEqual([]);
    expect(messages(input, 'strict')).toEqual(['entry[0].resource.favouriteColour: is not an element of this FHIR type']);
  });
});

describe('checkExportProfile', () => {
  const withPatient = (resource: object) => ({ resourceType: 'Bundle', type: 'collection', entry: [
    { fullUrl: 'urn:uuid:0b3c3b2e-1111-4222-8333-444455556666', resource: { ...patient, id: '0b3c3b2e-1111-4222-8333-444455556666' } },
    { fullUrl: 'urn:uuid:0b3c3b2e-1111-4222-8333-444455556667', resource: { ...resource, id: '0b3c3b2e-1111-4222-8333-444455556667' } },
  ] });
  const quantity = (value: number, code: string) => ({ value, unit: code, system: 'http://unitsofmeasure.org', code });
  const loinc = (code: string) => ({ coding: [{ system: 'http://loinc.org', code }] });

  it('accepts vital signs per the R4 vital-signs profile', () => {
    expect(checkExportProfile(withPatient(vital({ code: loinc('29463-7'), valueQuantity: quantity(70, 'kg') })))).toEqual([]);
    const bp = vital({ code: loinc('85354-9'), component: [{ code: loinc('8480-6'), valueQuantity: quantity(120, 'mm[Hg]') }, { code: loinc('8462-4'), valueQuantity: quantity(80, 'mm[Hg]') }] });
    expect(checkExportProfile(withPatient(bp))).toEqual([]);
  });

  it('reports what the vital-signs profile and Housecall exports require', () => {
    const at = (issues: { path: string; message: string }[]) => issues.map((i) => `${i.path}: ${i.message}`);
    expect(at(checkExportProfile(withPatient(vital({ code: loinc('29463-7'), valueQuantity: quantity(70, 'kilo') }))))).toEqual(['entry[1].resource.valueQuantity.code: must be one of the UCUM units kg, g, [lb_av]']);
    expect(at(checkExportProfile(withPatient(vital({ code: loinc('55284-4'), component: [{ code: loinc('8480-6'), valueQuantity: quantity(120, 'mm[Hg]') }] }))))).toEqual([
      'entry[1].resource.code: the vital-signs profile requires LOINC 85354-9 for this vital sign',
      'entry[1].resource.component: a blood pressure needs a diastolic component (LOINC 8462-4)',
    ]);
    expect(at(checkExportProfile(withPatient(vital({ code: loinc('8867-4') }))))).toEqual(['entry[1].resource.valueQuantity: a value or a dataAbsentReason is required (vs-2)']);
    const snomedOnly = { resourceType: 'Condition', subject: { reference: P }, code: { coding: [{ system: 'http://snomed.info/sct', code: '38341003' }] } };
    expect(at(checkExportProfile(withPatient(snomedOnly)))).toEqual(['entry[1].resource.code: needs an ICD-10-CM coding', 'entry[1].resource.clinicalStatus: needs a condition-clinical coding']);
    const med = { resourceType: 'MedicationStatement', status: 'active', subject: { reference: P }, medicationCodeableConcept: { text: 'x' } };
    expect(at(checkExportProfile(withPatient(med)))).toEqual(['entry[1].resource.medicationCodeableConcept: needs an RxNorm coding']);
    expect(at(checkExportProfile({ resourceType: 'Bundle', type: 'transaction', entry: [{ fullUrl: 'urn:uuid:0b3c3b2e-1111-4222-8333-444455556666', resource: patient }] }))).toEqual([
      'type: an export is a collection or searchset bundle', 'entry[0].fullUrl: must be urn:uuid:<resource id>',
    ]);
  });
});
