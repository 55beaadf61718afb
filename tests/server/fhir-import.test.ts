// FHIR R4 import (server/fhir/import), on PGlite and PostgreSQL: each of the 12 Synthea sample bundles lands in
// an empty database with counts computed from the bundle itself; a second import changes nothing; a changed source
// updates only what changed; a bad bundle is rejected whole; imported rows reach workstations through the change
// log; every patient write is audited.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database';
import { importBundle } from '../../server/fhir/import/import-bundle';
import type { ImportOutcome } from '../../server/fhir/import/import-bundle';
import type { ImportReport } from '../../shared/fhir/import-report';
import { describeEachDriver, openTestDatabase } from './support/databases';
import type { TestDatabase } from './support/databases';
import { seedTestClinic } from './support/fixtures';
import type { TestClinic } from './support/fixtures';
import { buildTestApp, signIn } from './support/app';
import { TestSyncClient } from './support/sync-client';

const SYNTHEA = path.resolve(import.meta.dirname, '../../../shared/data/synthea');
const FILES = readdirSync(SYNTHEA).filter((f) => f.endsWith('.json')).sort();
const KERMIT = FILES.find((f) => f.startsWith('Kermit_Trantow'))!;
const HASSAN = FILES.find((f) => f.startsWith('Hassan_Jacobi'))!;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const loadBundle = (file: string): Json => JSON.parse(readFileSync(path.join(SYNTHEA, file), 'utf8'));
const ACTOR = { userId: null, role: null, sessionId: null, deviceId: 'fhir-import-test', ip: null };

const VITAL_LOINC = new Set(['8302-2', '29463-7', '39156-5', '85354-9', '55284-4', '8867-4', '9279-1', '8310-5', '8331-1', '2708-6', '59408-5']);
const TABLE_OF: Record<string, string> = {
  Patient: 'patients', Practitioner: 'practitioners', Encounter: 'encounters', Condition: 'patient_problems',
  AllergyIntolerance: 'patient_allergies', MedicationRequest: 'patient_medications', Observation: 'vital_signs',
};

/** What an import of the bundle should create, computed from the bundle JSON alone. */
function expectedCounts(bundle: Json): { created: Record<string, number>; rejectedAllergies: number; other: number } {
  const created: Record<string, number> = {};
  let rejectedAllergies = 0;
  let other = 0;
  for (const { resource: r } of bundle.entry) {
    const type: string = r.resourceType;
    if (!TABLE_OF[type] || (type === 'Observation' && !r.code.coding.some((c: Json) => c.system === 'http://loinc.org' && VITAL_LOINC.has(c.code)))) other += 1;
    else if (type === 'AllergyIntolerance' && r.clinicalStatus.coding[0].code !== 'active') rejectedAllergies += 1;
    else created[type] = (created[type] ?? 0) + 1;
  }
  return { created, rejectedAllergies, other };
}

const DATA_TABLES = ['patients', 'practitioners', 'encounters', 'vital_signs', 'patient_problems', 'patient_allergies', 'patient_medications',
  'clinical_codings', 'external_ids', 'care_team', 'change_log'] as const;

/** Row count and a hash of every row (versions and timestamps included) of each data table. */
async function fingerprint(db: Database): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of DATA_TABLES) {
    const { rows } = await db.query<{ n: number; h: string }>(`SELECT count(*)::int AS n, coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS h FROM ${table} t`);
    out[table] = `${rows[0]!.n}:${rows[0]!.h}`;
  }
  return out;
}
const count = async (db: Database, sql: string, params: unknown[] = []) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0]!.n;

function reportOf(outcome: ImportOutcome): ImportReport {
  if (!outcome.ok) throw new Error(`import rejected: ${outcome.message} ${JSON.stringify(outcome.issues.slice(0, 5))}`);
  return outcome.report;
}

class RolledBack extends Error {}

/**
 * Runs fn against a database in a transaction that is always rolled back, so each test starts from the same
 * (empty) database: as good as a fresh one, and far quicker than creating one per bundle.
 */
async function inRolledBackDatabase(db: Database, fn: (scoped: Database) => Promise<void>): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      const scoped: Database = { ...db, query: tx.query, exec: tx.exec, transaction: (inner) => inner(tx) };
      await fn(scoped);
      throw new RolledBack();
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
  }
}

describeEachDriver('FHIR import of a Synthea bundle', (driver) => {
  let t: TestDatabase;
  let clinic: TestClinic;
  const kermit = loadBundle(KERMIT);
  const expected = expectedCounts(kermit);
  beforeAll(async () => {
    t = await openTestDatabase(driver);
  });
  afterAll(async () => t.dispose());

  // First, while the database is empty: every sample bundle, each into the empty database (rolled back after).
  it.each(FILES)('every sample bundle: %s', async (file) => {
    await inRolledBackDatabase(t.db, async (db) => {
      expect(await count(db, 'patients')).toBe(0);
      const bundle = loadBundle(file);
      const want = expectedCounts(bundle);
      const report = reportOf(await importBundle(db, bundle, { actor: ACTOR }));
      expect(report.created).toEqual(want.created);
      expect(report.rejected.map((r) => `${r.resourceType}:${r.reason}`)).toEqual(Array(want.rejectedAllergies).fill('AllergyIntolerance:not_active_allergy'));
      expect(Object.values(report.unsupported).reduce((a, b) => a + b, 0)).toBe(want.other);
      for (const [type, n] of Object.entries(want.created)) expect(await count(db, TABLE_OF[type]!), type).toBe(n);
      expect(await count(db, `patient_problems WHERE icd10_code = 'R69'`)).toBe(0);
      const before = await fingerprint(db);
      expect(reportOf(await importBundle(db, bundle, { actor: ACTOR })).unchanged).toEqual(want.created);
      expect(await fingerprint(db)).toEqual(before);
    });
  });

  it('seeds a small clinic beside the imports', async () => {
    clinic = await seedTestClinic(t.db);
  });

  it('creates exactly the rows the bundle holds, and reports what it did not import', async () => {
    const report = reportOf(await importBundle(t.db, kermit, { actor: ACTOR }));
    expect(report.created).toEqual(expected.created);
    expect(report.updated).toEqual({});
    expect(report.unchanged).toEqual({});
    expect(report.rejected).toEqual([]);
    expect(Object.values(report.unsupported).reduce((a, b) => a + b, 0)).toBe(expected.other);
    expect(report.unsupported).toMatchObject({ Claim: 18, ExplanationOfBenefit: 12, Organization: 1, 'Observation:laboratory': 14, 'Observation:survey': 5 });
    expect(report.entries).toBe(kermit.entry.length);
    expect(report.patientIds).toHaveLength(1);
    const patientId = report.patientIds[0]!;
    for (const [type, n] of Object.entries(expected.created)) {
      const where = type === 'Practitioner' ? '' : type === 'Patient' ? ' WHERE id = $1' : ' WHERE patient_id = $1';
      expect(await count(t.db, `${TABLE_OF[type]}${where}`, where ? [patientId] : []), type).toBe(n);
    }

    const patient = (await t.db.query<Json>('SELECT * FROM patients WHERE id = $1', [patientId])).rows[0]!;
    expect(patient).toMatchObject({ given_name: 'Kermit', family_name: 'Trantow', birth_date: '1993-06-21', sex: 'male', address_state: 'MA', location_state: 'MA', postal_code: '02108', version: 1 });
    expect(patient.mrn).toMatch(/^HCF\d{7}$/);
    // Childhood asthma (SNOMED 233678006) becomes J45.909, and the SNOMED coding is kept beside it.
    const asthma = (await t.db.query<Json>(`SELECT p.id, p.icd10_code, p.status, p.onset_on, c.system, c.code FROM patient_problems p
      JOIN clinical_codings c ON c.entity = 'problem' AND c.entity_id = p.id WHERE p.patient_id = $1 AND p.description = 'Childhood asthma'`, [patientId])).rows;
    expect(asthma).toEqual([expect.objectContaining({ icd10_code: 'J45.909', status: 'resolved', onset_on: '1996-06-27', system: 'http://snomed.info/sct', code: '233678006' })]);
    // The first blood pressure: 55284-4 stored as the profile's 85354-9 with the systolic and diastolic components.
    const bpSource = kermit.entry.map((e: Json) => e.resource).find((r: Json) => r.code?.coding?.[0]?.code === '55284-4');
    const bp = (await t.db.query<Json>('SELECT * FROM vital_signs WHERE patient_id = $1 AND effective_at = $2 AND loinc_code = $3', [patientId, bpSource.effectiveDateTime, '85354-9'])).rows[0]!;
    const component = (code: string) => bpSource.component.find((c: Json) => c.code.coding[0].code === code).valueQuantity.value;
    expect({ source: bp.source_code, systolic: Number(bp.systolic), diastolic: Number(bp.diastolic), unit: bp.unit, value: bp.value })
      .toEqual({ source: '55284-4', systolic: component('8480-6'), diastolic: component('8462-4'), unit: 'mm[Hg]', value: null });

    // Workstations pull what was written: one change per synced row, in the patient's stream.
    const changes = (await t.db.query<{ entity: string; n: number }>('SELECT entity, count(*)::int AS n FROM change_log WHERE patient_id = $1 GROUP BY entity ORDER BY entity', [patientId])).rows;
    expect(changes).toEqual([
      { entity: 'allergy', n: expected.created.AllergyIntolerance }, { entity: 'encounter', n: expected.created.Encounter },
      { entity: 'medication', n: expected.created.MedicationRequest }, { entity: 'patient', n: 1 }, { entity: 'problem', n: expected.created.Condition },
      { entity: 'vital', n: expected.created.Observation },
    ]);
    // Audited: the patient write (ids and counts only) and the import itself.
    const audits = (await t.db.query<Json>(`SELECT action, outcome, patient_id, device_id, detail FROM audit_log WHERE action IN ('patient.import', 'fhir.import') ORDER BY id`)).rows;
    expect(audits).toEqual([
      expect.objectContaining({ action: 'patient.import', outcome: 'allowed', patient_id: patientId, device_id: 'fhir-import-test' }),
      expect.objectContaining({ action: 'fhir.import', outcome: 'allowed', patient_id: null }),
    ]);
    expect(JSON.stringify(audits)).not.toMatch(/Kermit|Trantow|1993-06-21|MacGyver/);
  });

  it('importing the same bundle again changes nothing', async () => {
    const before = await fingerprint(t.db);
    const report = reportOf(await importBundle(t.db, kermit, { actor: ACTOR }));
    expect(report.created).toEqual({});
    expect(report.updated).toEqual({});
    expect(report.unchanged).toEqual(expected.created);
    expect(await fingerprint(t.db)).toEqual(before);
  });

  it('a changed source updates only what changed, and keeps the location a clinician confirmed', async () => {
    const changed = structuredClone(kermit);
    const patient = changed.entry.find((e: Json) => e.resource.resourceType === 'Patient').resource;
    patient.telecom = [{ system: 'phone', value: '555-000-1111', use: 'home' }];
    const med = changed.entry.find((e: Json) => e.resource.resourceType === 'MedicationRequest' && e.resource.status === 'active').resource;
    med.status = 'stopped';
    const patientId = (await t.db.query<{ local_id: string }>(`SELECT local_id FROM external_ids WHERE resource_type = 'Patient' AND external_id = $1`, [patient.id])).rows[0]!.local_id;
    await t.db.query(`UPDATE patients SET location_state = 'WA' WHERE id = $1`, [patientId]); // confirmed at check-in
    const changesBefore = await count(t.db, 'change_log');
    const report = reportOf(await importBundle(t.db, changed, { actor: ACTOR }));
    expect(report.updated).toEqual({ Patient: 1, MedicationRequest: 1 });
    expect(report.created).toEqual({});
    const row = (await t.db.query<Json>('SELECT phone, location_state, version FROM patients WHERE id = $1', [patientId])).rows[0];
    expect(row).toEqual({ phone: '555-000-1111', location_state: 'WA', version: 2 });
    expect(await count(t.db, 'change_log') - changesBefore).toBe(2);
    // And back again: the original bundle is a change too.
    expect(reportOf(await importBundle(t.db, kermit, { actor: ACTOR })).updated).toEqual({ Patient: 1, MedicationRequest: 1 });
  });

  it('puts a clinician on the care team when asked, and their workstation pulls the imported chart', async () => {
    const hassan = loadBundle(HASSAN);
    const report = reportOf(await importBundle(t.db, hassan, { actor: ACTOR, careTeamUserId: clinic.users.clinician }));
    expect(report.careTeamAdded).toBe(1);
    const patientId = report.patientIds[0]!;
    expect((await t.db.query('SELECT relation FROM care_team WHERE patient_id = $1 AND user_id = $2', [patientId, clinic.users.clinician])).rows).toEqual([{ relation: 'primary' }]);
    const api = await buildTestApp(t.db);
    try {
      const client = new TestSyncClient(api, (await signIn(api, clinic.emails.clinician)).accessToken);
      const pulled = (await client.pullAll()).filter((c) => c.patientId === patientId);
      const byEntity = (e: string) => pulled.filter((c) => c.entity === e).length;
      const want = expectedCounts(hassan).created;
      expect([byEntity('patient'), byEntity('problem'), byEntity('allergy'), byEntity('medication')]).toEqual([1, want.Condition, want.AllergyIntolerance, want.MedicationRequest]);
      expect(pulled.find((c) => c.entity === 'patient')?.data).toMatchObject({ familyName: 'Jacobi', locationState: 'MA' });
    } finally {
      await api.app.close();
    }
    // Again: already on the care team, nothing changes.
    expect(reportOf(await importBundle(t.db, hassan, { actor: ACTOR, careTeamUserId: clinic.users.clinician })).careTeamAdded).toBe(0);
  });

  it('rejects a Patient without a usable US address together with everything that belongs to it', async () => {
    const abroad = structuredClone(loadBundle(FILES.find((f) => f.startsWith('Judson'))!));
    const patient = abroad.entry.find((e: Json) => e.resource.resourceType === 'Patient').resource;
    patient.address = [{ line: ['1 Rue de Rivoli'], city: 'Paris', postalCode: '75001', country: 'FR' }];
    const before = await count(t.db, 'patients');
    const report = reportOf(await importBundle(t.db, abroad, { actor: ACTOR }));
    const want = expectedCounts(abroad).created;
    expect(report.rejected.filter((r) => r.reason === 'patient_no_us_address')).toEqual([{ entry: 0, resourceType: 'Patient', reason: 'patient_no_us_address' }]);
    expect(report.rejected.filter((r) => r.reason === 'patient_rejected')).toHaveLength(Object.values(want).reduce((a, b) => a + b, 0) - want.Patient! - want.Practitioner!);
    expect(report.created).toEqual({ Practitioner: want.Practitioner });
    expect(report.patientIds).toEqual([]);
    expect(await count(t.db, 'patients')).toBe(before);
  });

  describe('rejects an invalid bundle whole, and imports nothing', () => {
    const withEntry = (change: (b: Json) => void) => {
      const b = structuredClone(kermit);
      change(b);
      return b;
    };
    const first = (b: Json, type: string) => b.entry.find((e: Json) => e.resource.resourceType === type);
    const cases: Array<[string, () => unknown, RegExp]> = [
      ['not an object', () => 'just a string', /not valid FHIR R4/],
      ['not a Bundle', () => ({ resourceType: 'Patient', id: 'x' }), /not valid FHIR R4/],
      ['a batch bundle', () => ({ ...kermit, type: 'batch' }), /Only transaction and collection bundles can be imported; this one is a batch bundle/],
      ['a searchset', () => ({ resourceType: 'Bundle', type: 'searchset' }), /this one is a searchset bundle/],
      ['a Condition without its subject', () => withEntry((b) => delete first(b, 'Condition').resource.subject), /not valid FHIR R4/],
      ['a malformed birth date', () => withEntry((b) => (first(b, 'Patient').resource.birthDate = '21/06/1993')), /not valid FHIR R4/],
      ['a reference to a urn:uuid not in the bundle', () => withEntry((b) => (first(b, 'Condition').resource.subject.reference = 'urn:uuid:00000000-0000-4000-8000-000000000000')), /not valid FHIR R4/],
      ['a reference to a resource never imported', () => withEntry((b) => (first(b, 'Observation').resource.encounter.reference = 'Encounter/never-seen')), /cannot be imported/],
      ['a DELETE entry', () => withEntry((b) => b.entry.push({ request: { method: 'DELETE', url: 'Patient/x' } })), /cannot be imported/],
      ['the same resource twice', () => withEntry((b) => b.entry.push({ ...structuredClone(first(b, 'Condition')), fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000001' })), /cannot be imported/],
    ];
    it.each(cases)('%s', async (_name, make, message) => {
      const before = await fingerprint(t.db);
      const failedBefore = await count(t.db, `audit_log WHERE action = 'fhir.import' AND outcome = 'failed'`);
      const outcome = await importBundle(t.db, make(), { actor: ACTOR });
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect(outcome.message).toMatch(message);
      expect(outcome.message).toMatch(/nothing was imported/i);
      expect(outcome.issues.length).toBeGreaterThan(0);
      expect(JSON.stringify(outcome)).not.toMatch(/Kermit|Trantow|MacGyver|1993-06-21/);
      expect(await fingerprint(t.db)).toEqual(before);
      expect(await count(t.db, `audit_log WHERE action = 'fhir.import' AND outcome = 'failed'`)).toBe(failedBefore + 1);
    });
  });
});
