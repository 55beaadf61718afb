// FHIR R4 export (GET /api/fhir/Patient/:id/$everything) and the admin import route: the export is a collection
// Bundle that passes the structural R4 validator and Housecall's export profile (ICD-10-CM, RxNorm, LOINC vital
// signs with UCUM units); only a clinician on the care team gets it, and each export is audited as a PHI read;
// re-importing an export into another database gives the same records back.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../server/db/database';
import { importBundle } from '../../server/fhir/import/import-bundle';
import { exportPatientEverything } from '../../server/fhir/export/export-patient';
import { icd10CodeSet } from '../../server/icd10/icd10-codes';
import { checkExportProfile, validateBundle } from '../../shared/fhir';
import { describeEachDriver, openTestDatabase } from './support/databases';
import type { TestDatabase } from './support/databases';
import { seedTestClinic } from './support/fixtures';
import type { TestClinic } from './support/fixtures';
import { bearer, buildTestApp, signIn, TEST_DEVICE } from './support/app';
import { buildApp } from '../../server/http/app';
import type { TestApp } from './support/app';

const SYNTHEA = path.resolve(import.meta.dirname, '../../../shared/data/synthea');
const file = (prefix: string) => path.join(SYNTHEA, readdirSync(SYNTHEA).find((f) => f.startsWith(prefix))!);
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const ACTOR = { userId: null, role: null, sessionId: null, deviceId: 'fhir-export-test', ip: null };
const byType = (bundle: Json) => {
  const out: Record<string, number> = {};
  for (const e of bundle.entry) out[e.resource.resourceType] = (out[e.resource.resourceType] ?? 0) + 1;
  return out;
};
const resources = (bundle: Json, type: string): Json[] => bundle.entry.map((e: Json) => e.resource).filter((r: Json) => r.resourceType === type);

/** The patient's records with ids, versions and MRNs left out: what must survive an export and re-import. */
async function records(db: Database, patientId: string): Promise<Json> {
  const q = async (sql: string) => (await db.query(sql, [patientId])).rows.map((r) => JSON.stringify(r)).sort();
  return {
    patient: await q('SELECT given_name, family_name, birth_date, sex, phone, email, address_line, address_city, address_state, postal_code, location_state FROM patients WHERE id = $1'),
    problems: await q(`SELECT p.icd10_code, p.description, p.status, p.onset_on, (SELECT string_agg(c.system || '|' || c.code, ',' ORDER BY c.system, c.code) FROM clinical_codings c WHERE c.entity = 'problem' AND c.entity_id = p.id AND c.system <> 'http://hl7.org/fhir/sid/icd-10-cm') AS codings FROM patient_problems p WHERE patient_id = $1`),
    allergies: await q('SELECT substance, code, reaction, severity, recorded_on FROM patient_allergies WHERE patient_id = $1'),
    medications: await q('SELECT rxnorm_code, name, sig, status, started_on FROM patient_medications WHERE patient_id = $1'),
    encounters: await q(`SELECT e.class_code, e.status, e.type_code, e.type_display, e.reason_code, e.reason_display, e.starts_at, e.ends_at, pr.npi, pr.family_name
                           FROM encounters e LEFT JOIN practitioners pr ON pr.id = e.practitioner_id WHERE e.patient_id = $1`),
    vitals: await q(`SELECT v.loinc_code, v.source_code, v.value, v.systolic, v.diastolic, v.unit, v.status, v.effective_at, e.starts_at AS encounter_start
                       FROM vital_signs v LEFT JOIN encounters e ON e.id = v.encounter_id WHERE v.patient_id = $1`),
  };
}

function expectValidExport(bundle: Json): void {
  expect(validateBundle(bundle, 'strict').issues).toEqual([]);
  expect(checkExportProfile(bundle)).toEqual([]);
  const icd10 = icd10CodeSet();
  for (const condition of resources(bundle, 'Condition')) {
    const codes = condition.code.coding.filter((c: Json) => c.system === 'http://hl7.org/fhir/sid/icd-10-cm');
    expect(codes.length).toBe(1);
    expect(icd10.get(codes[0].code)?.billable, codes[0].code).toBe(true);
  }
}

describeEachDriver('FHIR export of a patient', (driver) => {
  let t: TestDatabase;
  let clinic: TestClinic;
  let api: TestApp;
  let patientId: string;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    t = await openTestDatabase(driver);
    clinic = await seedTestClinic(t.db);
    const outcome = await importBundle(t.db, JSON.parse(readFileSync(file('Kermit_Trantow'), 'utf8')), { actor: ACTOR, careTeamUserId: clinic.users.clinician });
    if (!outcome.ok) throw new Error(outcome.message);
    patientId = outcome.report.patientIds[0]!;
    api = await buildTestApp(t.db);
    for (const role of ['clinician', 'otherClinician', 'dispatcher', 'admin'] as const) tokens[role] = (await signIn(api, clinic.emails[role])).accessToken;
  });
  afterAll(async () => {
    await api.app.close();
    await t.dispose();
  });
  const get = (id: string, token: string) => api.app.inject({ method: 'GET', url: `/api/fhir/Patient/${id}/$everything`, headers: bearer(token) });

  it('gives a clinician on the care team a FHIR R4 collection Bundle that validates, with standard codes', async () => {
    const res = await get(patientId, tokens.clinician!);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
    const bundle = res.json();
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expectValidExport(bundle);
    const counts = async (table: string) => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE patient_id = $1`, [patientId])).rows[0]!.n;
    expect(byType(bundle)).toEqual({
      Patient: 1, Practitioner: 1, Encounter: await counts('encounters'), Condition: await counts('patient_problems'),
      AllergyIntolerance: await counts('patient_allergies'), MedicationRequest: await counts('patient_medications'), Observation: await counts('vital_signs'),
    });
    const [patient] = resources(bundle, 'Patient');
    expect(patient).toMatchObject({ id: patientId, gender: 'male', birthDate: '1993-06-21', name: [{ family: 'Trantow', given: ['Kermit'] }], address: [{ state: 'MA', postalCode: '02108' }] });
    expect(patient!.identifier[0]).toMatchObject({ system: 'urn:housecall:mrn', type: { coding: [{ code: 'MR' }] } });
    // Conditions carry ICD-10-CM and the SNOMED CT code they came with; medications RxNorm; vitals LOINC + UCUM.
    for (const c of resources(bundle, 'Condition')) expect(c.code.coding.map((x: Json) => x.system)).toEqual(['http://hl7.org/fhir/sid/icd-10-cm', 'http://snomed.info/sct']);
    for (const m of resources(bundle, 'MedicationRequest')) expect(m).toMatchObject({ intent: 'order', medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm' }] } });
    const bp = resources(bundle, 'Observation').find((o) => o.code.coding[0].code === '85354-9')!;
    expect(bp.code.coding.map((c: Json) => c.code)).toEqual(['85354-9', '55284-4']);
    expect(bp.component.map((c: Json) => [c.code.coding[0].code, c.valueQuantity.code])).toEqual([['8480-6', 'mm[Hg]'], ['8462-4', 'mm[Hg]']]);
    for (const e of resources(bundle, 'Encounter')) expect(e.class).toMatchObject({ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' });
  });

  it('audits each export as a PHI read of that patient', async () => {
    const { rows } = await t.db.query<Json>(`SELECT outcome, patient_id, device_id, session_id, detail FROM audit_log WHERE action = 'patient.export' AND user_id = $1`, [clinic.users.clinician]);
    expect(rows).toEqual([expect.objectContaining({ outcome: 'allowed', patient_id: patientId, device_id: TEST_DEVICE, session_id: expect.any(String) })]);
    expect(JSON.stringify(rows)).not.toMatch(/Kermit|Trantow/);
  });

  it('refuses everyone else: another clinician gets 404 (audited as denied), dispatchers and admins 403', async () => {
    const other = await get(patientId, tokens.otherClinician!);
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toMatch(/Kermit|Trantow/);
    const { rows } = await t.db.query(`SELECT outcome, patient_id FROM audit_log WHERE action = 'patient.export' AND user_id = $1`, [clinic.users.otherClinician]);
    expect(rows).toEqual([{ outcome: 'denied', patient_id: patientId }]);
    expect((await get(patientId, tokens.dispatcher!)).statusCode).toBe(403);
    expect((await get(patientId, tokens.admin!)).statusCode).toBe(403);
    expect((await get('not-a-uuid', tokens.clinician!)).statusCode).toBe(400);
  });

  it('exports Housecall’s own records too: a seeded allergy, and a visit as Appointment plus a virtual Encounter', async () => {
    await t.db.query(`UPDATE appointments SET status = 'completed' WHERE id = $1`, [clinic.ownAppointmentId]);
    await t.db.query(`INSERT INTO patient_problems (id, patient_id, icd10_code, description, status, onset_on) VALUES (gen_random_uuid(), $1, 'I10', 'Essential (primary) hypertension', 'active', '2015-03-01')`, [clinic.ownPatientId]);
    await t.db.query(`INSERT INTO patient_medications (id, patient_id, rxnorm_code, name, sig, status, started_on) VALUES (gen_random_uuid(), $1, '316049', 'Hydrochlorothiazide 25 MG', '1 tablet by mouth daily', 'active', '2015-03-01')`, [clinic.ownPatientId]);
    const res = await get(clinic.ownPatientId, tokens.clinician!);
    expect(res.statusCode).toBe(200);
    const bundle = res.json();
    expectValidExport(bundle);
    expect(byType(bundle)).toEqual({ Patient: 1, Practitioner: 1, Appointment: 1, Encounter: 1, AllergyIntolerance: 1, Condition: 1, MedicationStatement: 1 });
    expect(resources(bundle, 'Condition')[0]).toMatchObject({ code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'I10', display: 'Essential (primary) hypertension' }] }, clinicalStatus: { coding: [{ code: 'active' }] } });
    expect(resources(bundle, 'MedicationStatement')[0]).toMatchObject({ status: 'active', medicationCodeableConcept: { coding: [{ code: '316049' }] }, dosage: [{ text: '1 tablet by mouth daily' }], effectiveDateTime: '2015-03-01' });
    expect(resources(bundle, 'AllergyIntolerance')[0]).toMatchObject({ code: { text: 'Penicillin' }, reaction: [{ manifestation: [{ text: 'Hives' }], severity: 'moderate' }] });
    expect(resources(bundle, 'Appointment')[0]).toMatchObject({ id: clinic.ownAppointmentId, status: 'fulfilled' });
    expect(resources(bundle, 'Encounter')[0]).toMatchObject({ status: 'finished', class: { code: 'VR' }, appointment: [{ reference: `urn:uuid:${clinic.ownAppointmentId}` }] });
    expect(resources(bundle, 'Practitioner')[0]).toMatchObject({ id: clinic.users.clinician, name: [{ text: 'Dr. Test Clinician' }] });
  });

  it('round trip: the export imported into another database gives the same records, and exports the same again', async () => {
    const first = (await get(patientId, tokens.clinician!)).json();
    const other = await openTestDatabase(driver);
    try {
      const outcome = await importBundle(other.db, first, { actor: ACTOR });
      if (!outcome.ok) throw new Error(`${outcome.message} ${JSON.stringify(outcome.issues)}`);
      expect(outcome.report.created).toEqual(byType(first));
      expect(outcome.report.rejected).toEqual([]);
      const copyId = outcome.report.patientIds[0]!;
      expect(await records(other.db, copyId)).toEqual(await records(t.db, patientId));
      const second = (await exportPatientEverything(other.db, copyId, new Date()))!.bundle;
      expectValidExport(second);
      // The same resources under new ids (links between them are compared through records() above).
      const normalise = (b: Json) => b.entry.map((e: Json) => {
        const { meta: _meta, identifier: _identifier, ...rest } = e.resource;
        return JSON.stringify(rest).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>');
      }).sort();
      expect(normalise(second)).toEqual(normalise(first));
      expect((await importBundle(other.db, first, { actor: ACTOR })).ok && true).toBe(true);
    } finally {
      await other.dispose();
    }
  });

  it('imports through the admin route (bundles of several hundred KB), and refuses non-admins and bad bundles', async () => {
    const body = readFileSync(file('Judson_Eichmann'), 'utf8');
    expect(body.length).toBeGreaterThan(64 * 1024);
    const post = (token: string, payload: string, contentType = 'application/json') =>
      api.app.inject({ method: 'POST', url: '/api/admin/fhir/import', headers: { ...bearer(token), 'content-type': contentType }, payload });
    expect((await post(tokens.clinician!, body)).statusCode).toBe(403);
    const ok = await post(tokens.admin!, body);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ bundleType: 'transaction', created: { Patient: 1, Condition: 5, MedicationRequest: 2 }, careTeamAdded: 0 });
    expect(ok.body).not.toMatch(/Judson|Eichmann/);
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'patient.import' AND user_id = $1 AND patient_id = $2`, [clinic.users.admin, ok.json().patientIds[0]]);
    expect(rows).toEqual([{ n: 1 }]);

    const broken = JSON.parse(body);
    broken.entry[0].resource.birthDate = 'soon';
    const bad = await post(tokens.admin!, JSON.stringify(broken));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'validation_failed', fields: ['entry[0].resource.birthDate: must be a FHIR date (YYYY, YYYY-MM or YYYY-MM-DD)'] });
    expect(bad.json().error.message).toMatch(/^The bundle is not valid FHIR R4 \(1 problem\); nothing was imported\. entry\[0\]\.resource\.birthDate/);
    expect(bad.body).not.toMatch(/Judson|Eichmann|soon/);
    expect((await post(tokens.admin!, '{"resourceType": "Bundle", "type": ')).statusCode).toBe(400);
    expect((await post(tokens.admin!, body, 'text/plain')).statusCode).toBe(415);
    expect((await api.app.inject({ method: 'POST', url: '/api/admin/fhir/import?source=not%20a%20uri', headers: bearer(tokens.admin!), payload: JSON.parse(body) })).statusCode).toBe(400);
    const huge = await post(tokens.admin!, `{"resourceType":"Bundle","type":"collection","id":"${'x'.repeat(21 * 1024 * 1024)}"}`);
    expect(huge.statusCode).toBe(413);
  });

  it('logs neither the imported nor the exported patient data', async () => {
    const lines: string[] = [];
    // Later than the other app's clock: each TOTP code is accepted once.
    const clock = { now: new Date(api.clock.now.getTime() + 10 * 60_000), advanceMinutes(m: number) { this.now = new Date(this.now.getTime() + m * 60_000); } };
    const app = await buildApp({ db: t.db, tokenSecret: 'test-secret-that-is-long-enough-0123456789', logLevel: 'trace', now: () => clock.now, logStream: { write: (line: string) => { lines.push(line); } } });
    try {
      const logged: TestApp = { app, clock };
      const admin = bearer((await signIn(logged, clinic.emails.admin)).accessToken);
      const clinician = bearer((await signIn(logged, clinic.emails.clinician)).accessToken);
      const bundle = JSON.parse(readFileSync(file('Marcos_Delagarza'), 'utf8'));
      expect((await app.inject({ method: 'POST', url: '/api/admin/fhir/import', headers: admin, payload: bundle })).statusCode).toBe(200);
      bundle.entry[0].resource.gender = 'Delagarza';
      expect((await app.inject({ method: 'POST', url: '/api/admin/fhir/import', headers: admin, payload: bundle })).statusCode).toBe(400);
      expect((await app.inject({ method: 'GET', url: `/api/fhir/Patient/${patientId}/$everything`, headers: clinician })).statusCode).toBe(200);
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.join('\n')).not.toMatch(/Marcos|Delagarza|Kermit|Trantow|1993-06-21|1992-09-20|MacGyver/);
    } finally {
      await app.close();
    }
  });
});
