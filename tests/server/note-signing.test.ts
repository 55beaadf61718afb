// Signing encounter notes on both drivers: the author signs (hash recomputed by the server), anyone else is
// refused, a signed note cannot be edited, a hash mismatch or an unknown ICD-10-CM code is refused with
// nothing changed, an addendum is signed the same way, and vitals of a signed note reach the vitals history.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDriver, openTestDatabase } from './support/databases';
import type { TestDatabase } from './support/databases';
import { seedTestClinic } from './support/fixtures';
import type { TestClinic } from './support/fixtures';
import { bearer, buildTestApp, signIn } from './support/app';
import type { TestApp } from './support/app';
import { TestSyncClient } from './support/sync-client';
import type { NoteSections } from '../../shared/domain/note';
import { addendumContentHash, noteContentHash } from '../../shared/notes/content-hash';
import { Icd10ListSchema } from '../../shared/api/reference';
import { checkExportProfile, validateBundle } from '../../shared/fhir';

const SECTIONS: NoteSections = {
  subjective: 'Sore throat for three days.',
  objective: 'Well-appearing.',
  assessment: 'Viral URI.',
  plan: 'Fluids, rest.',
  vitals: { systolic: '122', diastolic: '78', heartRate: '72', temperatureF: '99.1', spo2: '98' },
  diagnoses: [{ code: 'J06.9', description: 'Acute upper respiratory infection, unspecified' }],
};

describeEachDriver('note signing', (driver) => {
  let t: TestDatabase;
  let clinic: TestClinic;
  let api: TestApp;
  let author: TestSyncClient;
  let other: TestSyncClient;
  let authorToken: string;

  beforeAll(async () => {
    t = await openTestDatabase(driver);
    clinic = await seedTestClinic(t.db);
    api = await buildTestApp(t.db);
    authorToken = (await signIn(api, clinic.emails.clinician)).accessToken;
    author = new TestSyncClient(api, authorToken);
    other = new TestSyncClient(api, (await signIn(api, clinic.emails.otherClinician)).accessToken);
    // The other clinician is on the patient's care team too: refusals below are about authorship, not access.
    await t.db.query(`INSERT INTO care_team (patient_id, user_id, relation) VALUES ($1, $2, 'consulting')`, [clinic.ownPatientId, clinic.users.otherClinician]);
  });
  afterAll(async () => {
    await api.app.close();
    await t.dispose();
  });

  const draft = async (sections: NoteSections = SECTIONS): Promise<string> => {
    const noteId = randomUUID();
    const [saved] = await author.push([author.mutation('note.saveDraft', { noteId, patientId: clinic.ownPatientId, appointmentId: clinic.ownAppointmentId, sections })]);
    expect(saved).toMatchObject({ status: 'applied' });
    return noteId;
  };
  const hashOf = (noteId: string, sections: NoteSections = SECTIONS) => noteContentHash({ noteId, patientId: clinic.ownPatientId, sections });
  const noteRow = async (noteId: string) =>
    (await t.db.query<{ status: string; signed_by: string | null; content_hash: string | null; version: number; sections: NoteSections }>(
      'SELECT status, signed_by, content_hash, version, sections FROM encounter_notes WHERE id = $1', [noteId])).rows[0]!;

  it('the author signs: the note is locked with signer, time and content hash; its vitals join the vitals history', async () => {
    const noteId = await draft();
    const [signed] = await author.push([author.mutation('note.sign', { noteId, patientId: clinic.ownPatientId, contentHash: hashOf(noteId) })]);
    expect(signed).toMatchObject({ status: 'applied', state: { entity: 'note', data: { status: 'signed', signedBy: clinic.users.clinician, contentHash: hashOf(noteId) } } });
    const row = await noteRow(noteId);
    expect(row).toMatchObject({ status: 'signed', signed_by: clinic.users.clinician, content_hash: hashOf(noteId) });

    const vitals = (await t.db.query<{ loinc_code: string; value: string | null; systolic: string | null; diastolic: string | null; unit: string }>(
      'SELECT loinc_code, value::text, systolic::text, diastolic::text, unit FROM vital_signs WHERE note_id = $1 ORDER BY loinc_code', [noteId])).rows;
    expect(vitals.map((v) => [v.loinc_code, v.value === null ? `${Number(v.systolic)}/${Number(v.diastolic)}` : String(Number(v.value)), v.unit])).toEqual([
      ['2708-6', '98', '%'],
      ['8310-5', '99.1', '[degF]'],
      ['85354-9', '122/78', 'mm[Hg]'],
      ['8867-4', '72', '/min'],
    ]);
    // The visit became an encounter (virtual, for the video appointment) that holds the vitals.
    const encounters = (await t.db.query<{ id: string; class_code: string; source: string; clinician_id: string }>(
      'SELECT id, class_code, source, clinician_id FROM encounters WHERE appointment_id = $1', [clinic.ownAppointmentId])).rows;
    expect(encounters).toEqual([{ id: expect.any(String), class_code: 'VR', source: 'housecall', clinician_id: clinic.users.clinician }]);
    expect((await t.db.query('SELECT 1 FROM vital_signs WHERE note_id = $1 AND encounter_id = $2', [noteId, encounters[0]!.id])).rows).toHaveLength(4);

    // Devices pull them as 'vital' changes, with the signed note.
    const changes = await new TestSyncClient(api, authorToken).pullAll();
    expect(changes.filter((c) => c.entity === 'vital' && (c.data as { noteId?: string }).noteId === noteId)).toHaveLength(4);

    // The export carries them as valid FHIR vital-signs Observations (°F in UCUM [degF]).
    const exported = await api.app.inject({ method: 'GET', url: `/api/fhir/Patient/${clinic.ownPatientId}/$everything`, headers: bearer(authorToken) });
    expect(exported.statusCode).toBe(200);
    const bundle = exported.json();
    expect(validateBundle(bundle, 'strict').issues).toEqual([]);
    expect(checkExportProfile(bundle)).toEqual([]);
    const temperature = (bundle.entry as Array<{ resource: { resourceType: string; code?: { coding: Array<{ code: string }> }; valueQuantity?: { value: number; code: string } } }>)
      .map((e) => e.resource).find((r) => r.resourceType === 'Observation' && r.code?.coding.some((c) => c.code === '8310-5'));
    expect(temperature?.valueQuantity).toMatchObject({ value: 99.1, code: '[degF]' });

    // Signing again with the same hash (a replay from another device) changes nothing.
    const [again] = await author.push([author.mutation('note.sign', { noteId, patientId: clinic.ownPatientId, contentHash: hashOf(noteId) })]);
    expect(again).toMatchObject({ status: 'applied' });
    expect((await noteRow(noteId)).version).toBe(row.version);
  });

  it('someone other than the author is refused as forbidden, and nothing changes', async () => {
    const noteId = await draft();
    const [refused] = await other.push([other.mutation('note.sign', { noteId, patientId: clinic.ownPatientId, contentHash: hashOf(noteId) })]);
    expect(refused).toMatchObject({ status: 'rejected', reason: 'forbidden', message: 'Only the author of a note can sign it.', current: null });
    expect((await noteRow(noteId)).status).toBe('draft');
    const audits = await t.db.query<{ outcome: string; patient_id: string; user_id: string; detail: unknown }>(
      `SELECT outcome, patient_id, user_id, detail FROM audit_log WHERE action = 'sync.note.sign' AND user_id = $1`, [clinic.users.otherClinician]);
    expect(audits.rows).toEqual([{ outcome: 'denied', patient_id: clinic.ownPatientId, user_id: clinic.users.otherClinician, detail: { reason: 'forbidden' } }]);
  });

  it('a signed note cannot be edited: note.saveDraft is refused and the text stays', async () => {
    const noteId = await draft();
    await author.push([author.mutation('note.sign', { noteId, patientId: clinic.ownPatientId, contentHash: hashOf(noteId) })]);
    const { version } = await noteRow(noteId);
    const [edit] = await author.push([author.mutation('note.saveDraft', { noteId, patientId: clinic.ownPatientId, appointmentId: clinic.ownAppointmentId, sections: { ...SECTIONS, plan: 'changed' } }, version)]);
    expect(edit).toMatchObject({ status: 'rejected', reason: 'rule_violation', message: expect.stringMatching(/signed and can no longer be edited/) });
    expect((await noteRow(noteId)).sections.plan).toBe(SECTIONS.plan);
  });

  it('a content hash that does not match the server copy is refused, and nothing is signed', async () => {
    const noteId = await draft();
    const signedElsewhere = hashOf(noteId, { ...SECTIONS, plan: 'Antibiotics.' });
    const [refused] = await author.push([author.mutation('note.sign', { noteId, patientId: clinic.ownPatientId, contentHash: signedElsewhere })]);
    expect(refused).toMatchObject({ status: 'rejected', reason: 'rule_violation', message: expect.stringMatching(/content hash mismatch/), current: { data: { status: 'draft' } } });
    expect(await noteRow(noteId)).toMatchObject({ status: 'draft', content_hash: null });
    expect((await t.db.query('SELECT 1 FROM vital_signs WHERE note_id = $1', [noteId])).rows).toHaveLength(0);
  });

  it('an unknown ICD-10-CM code is refused with a clear message, and nothing is signed', async () => {
    const sections: NoteSections = { ...SECTIONS, diagnoses: [{ code: 'J06.99', description: 'made up' }] };
    const noteId = await draft(sections);
    const [refused] = await author.push([author.mutation('note.sign', { noteId, patientId: clinic.ownPatientId, contentHash: hashOf(noteId, sections) })]);
    expect(refused).toMatchObject({ status: 'rejected', reason: 'rule_violation', message: expect.stringMatching(/^Unknown ICD-10-CM code J06\.99/) });
    expect((await noteRow(noteId)).status).toBe('draft');
  });

  it('vitals out of range are refused at signing (drafts keep them as typed)', async () => {
    const sections: NoteSections = { ...SECTIONS, vitals: { systolic: '80', diastolic: '120', spo2: '140' } };
    const noteId = await draft(sections);
    const [refused] = await author.push([author.mutation('note.sign', { noteId, patientId: clinic.ownPatientId, contentHash: hashOf(noteId, sections) })]);
    expect(refused).toMatchObject({ status: 'rejected', reason: 'rule_violation', message: expect.stringMatching(/SpO2 must be at most 100 %.*Diastolic pressure must be lower than systolic/) });
  });

  it('an addendum is added only to a signed note, by its author, with a matching hash', async () => {
    const noteId = await draft();
    const addendumId = randomUUID();
    const text = 'Rapid strep test came back negative.';
    const args = { noteId, patientId: clinic.ownPatientId, addendumId, text, contentHash: addendumContentHash({ noteId, addendumId, text }) };
    const [early] = await author.push([author.mutation('note.addAddendum', args)]);
    expect(early).toMatchObject({ status: 'rejected', reason: 'rule_violation', message: expect.stringMatching(/only be added to a signed note/) });

    await author.push([author.mutation('note.sign', { noteId, patientId: clinic.ownPatientId, contentHash: hashOf(noteId) })]);
    const [byOther] = await other.push([other.mutation('note.addAddendum', { ...args, addendumId: randomUUID() })]);
    expect(byOther).toMatchObject({ status: 'rejected', reason: 'forbidden' });
    const [tampered] = await author.push([author.mutation('note.addAddendum', { ...args, addendumId: randomUUID() })]);
    expect(tampered).toMatchObject({ status: 'rejected', reason: 'rule_violation', message: expect.stringMatching(/content hash mismatch/) });

    const [added] = await author.push([author.mutation('note.addAddendum', args)]);
    expect(added).toMatchObject({ status: 'applied', state: { data: { status: 'signed', addenda: [{ id: addendumId, text, authorId: clinic.users.clinician, contentHash: args.contentHash }] } } });
    const stored = (await t.db.query<{ text: string; content_hash: string }>('SELECT text, content_hash FROM note_addenda WHERE note_id = $1', [noteId])).rows;
    expect(stored).toEqual([{ text, content_hash: args.contentHash }]);
  });

  it('serves the ICD-10-CM code list to signed-in users, gzipped and cacheable by release', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/api/reference/icd10', headers: { ...bearer(authorToken), 'accept-encoding': 'gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    const etag = String(res.headers.etag);
    const plain = await api.app.inject({ method: 'GET', url: '/api/reference/icd10', headers: bearer(authorToken) });
    const list = Icd10ListSchema.parse(plain.json());
    expect(list.release).toBe('icd10cm-order-Jan-2021');
    expect(list.codes).toHaveLength(72_621);
    expect(list.codes).toContainEqual(['J06.9', 'Acute upper respiratory infection, unspecified']);
    const again = await api.app.inject({ method: 'GET', url: '/api/reference/icd10', headers: { ...bearer(authorToken), 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect((await api.app.inject({ method: 'GET', url: '/api/reference/icd10' })).statusCode).toBe(401);
  });
});
