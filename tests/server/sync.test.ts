// Server sync: idempotent, ordered push with per-mutation answers; pull by cursor in commit order, within
// the user's scope, with access changes; conflict rules per entity. On PGlite and PostgreSQL.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDriver, openTestDatabase } from './support/databases';
import type { TestDatabase } from './support/databases';
import { seedTestClinic } from './support/fixtures';
import type { TestClinic } from './support/fixtures';
import { buildTestApp, signIn } from './support/app';
import type { TestApp } from './support/app';
import { TestSyncClient } from './support/sync-client';
import { recordAccessChange, recordChange } from '../../server/sync/change-log';

const sections = (text: string) => ({ subjective: text, objective: '', assessment: '', plan: '' });

describeEachDriver('sync push and pull', (driver) => {
  let t: TestDatabase;
  let clinic: TestClinic;
  let api: TestApp;
  let clinicianToken: string;
  let otherToken: string;
  beforeAll(async () => {
    t = await openTestDatabase(driver);
    clinic = await seedTestClinic(t.db);
    api = await buildTestApp(t.db);
    clinicianToken = (await signIn(api, clinic.emails.clinician)).accessToken;
    otherToken = (await signIn(api, clinic.emails.otherClinician)).accessToken;
  });
  afterAll(async () => {
    await api.app.close();
    await t.dispose();
  });

  const count = async (sql: string, params: unknown[] = []) => (await t.db.query<{ n: number }>(sql, params)).rows[0]!.n;

  it('a first sync sends the scope as a snapshot with progress, then continues from the change log', async () => {
    const client = new TestSyncClient(api, clinicianToken);
    const first = await client.pullPage(2);
    expect(first.progress).toEqual({ done: 2, total: expect.any(Number) });
    const rest = await client.pullAll(2);
    const all = [...first.changes, ...rest];
    const patients = all.filter((c) => c.entity === 'patient').map((c) => c.id);
    expect(patients).toEqual([clinic.ownPatientId]); // only the care team's patient
    expect(all.some((c) => c.entity === 'allergy' && c.patientId === clinic.ownPatientId)).toBe(true);
    expect(all.some((c) => c.entity === 'appointment' && c.id === clinic.ownAppointmentId)).toBe(true);
    expect(JSON.stringify(all)).not.toMatch(/Orsolya|Brackenridge/);
    expect(client.cursor).toMatch(/^c\.\d+$/);
    expect((await client.pullPage()).changes).toEqual([]);
  });

  it('applies a mutation once even when the same batch is pushed again', async () => {
    const client = new TestSyncClient(api, clinicianToken);
    const m = client.mutation('patient.updateContact', { patientId: clinic.ownPatientId, fields: { phone: '206-555-0199' } });
    const [first] = await client.push([m]);
    expect(first).toMatchObject({ status: 'applied', duplicate: false, state: { entity: 'patient', data: { phone: '206-555-0199' } } });
    const version = (first as { state: { version: number } }).state.version;
    const [again] = await client.push([m]);
    expect(again).toMatchObject({ status: 'applied', duplicate: true });
    const { rows } = await t.db.query<{ version: number }>('SELECT version FROM patients WHERE id = $1', [clinic.ownPatientId]);
    expect(rows[0]!.version).toBe(version);
    expect(await count('SELECT count(*)::int AS n FROM applied_mutations WHERE mutation_id = $1', [m.mutationId])).toBe(1);
  });

  it('answers each mutation in order, and a rejected one never blocks those behind it', async () => {
    const client = new TestSyncClient(api, clinicianToken);
    const batch = [
      client.mutation('patient.confirmLocation', { patientId: clinic.ownPatientId, locationState: 'OR' }),
      client.mutation('patient.teleport', { patientId: clinic.ownPatientId }),
      client.mutation('patient.confirmLocation', { patientId: clinic.ownPatientId, locationState: 'XX' }),
      client.mutation('patient.confirmLocation', { patientId: clinic.otherPatientId, locationState: 'OR' }),
      client.mutation('appointment.setStatus', { appointmentId: clinic.ownAppointmentId, status: 'completed' }),
      client.mutation('patient.confirmLocation', { patientId: clinic.ownPatientId, locationState: 'WA' }),
    ];
    const results = await client.push(batch);
    expect(results.map((r) => [r.seq, r.status, 'reason' in r ? r.reason : null])).toEqual([
      [1, 'applied', null],
      [2, 'rejected', 'unknown_mutation'],
      [3, 'rejected', 'invalid_args'],
      [4, 'rejected', 'forbidden'],
      [5, 'rejected', 'rule_violation'],
      [6, 'applied', null],
    ]);
    const impossible = results[4] as unknown as { message: string; current: { data: { status: string } } };
    expect(impossible.message).toMatch(/booked cannot become completed/);
    expect(impossible.current.data.status).toBe('booked');
    const { rows } = await t.db.query<{ location_state: string }>('SELECT location_state FROM patients WHERE id = ANY($1::uuid[]) ORDER BY id = $2 DESC', [[clinic.ownPatientId, clinic.otherPatientId], clinic.ownPatientId]);
    expect(rows.map((r) => r.location_state)).toEqual(['WA', 'WA']);
    // Rejections are answered again on replay, not re-evaluated.
    expect((await client.push([batch[3]!]))[0]).toMatchObject({ status: 'rejected', reason: 'forbidden' });
  });

  it('refuses a device id that belongs to another user', async () => {
    const mine = new TestSyncClient(api, clinicianToken);
    await mine.push([mine.mutation('patient.confirmLocation', { patientId: clinic.ownPatientId, locationState: 'WA' })]);
    const res = await api.app.inject({
      method: 'POST', url: '/api/sync/push', headers: { authorization: `Bearer ${otherToken}` },
      payload: { clientId: mine.clientId, mutations: [{ mutationId: randomUUID(), seq: 5, name: 'patient.confirmLocation', args: { patientId: clinic.otherPatientId, locationState: 'WA' } }] },
    });
    expect(res.json().results[0]).toMatchObject({ status: 'rejected', reason: 'forbidden' });
  });

  it('walks an appointment through its statuses and refuses a step back', async () => {
    const client = new TestSyncClient(api, clinicianToken);
    const results = await client.push([
      client.mutation('appointment.setStatus', { appointmentId: clinic.ownAppointmentId, status: 'checked_in' }),
      client.mutation('appointment.setStatus', { appointmentId: clinic.ownAppointmentId, status: 'in_progress' }),
      client.mutation('appointment.setStatus', { appointmentId: clinic.ownAppointmentId, status: 'checked_in' }),
      client.mutation('appointment.setStatus', { appointmentId: clinic.otherAppointmentId, status: 'checked_in' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'rejected', 'rejected']);
    expect(results[3]).toMatchObject({ reason: 'not_found' });
  });

  it('keeps a stale note save as a conflict version and answers with the current note', async () => {
    const laptop = new TestSyncClient(api, clinicianToken);
    const tablet = new TestSyncClient(api, clinicianToken);
    const noteId = randomUUID();
    const base = { noteId, patientId: clinic.ownPatientId, appointmentId: clinic.ownAppointmentId };
    expect((await laptop.push([laptop.mutation('note.saveDraft', { ...base, sections: sections('Sore throat for 3 days') }, 0)]))[0]!.status).toBe('applied');
    expect((await laptop.push([laptop.mutation('note.saveDraft', { ...base, sections: sections('Sore throat for 3 days, no fever') }, 1)]))[0]!.status).toBe('applied');
    const [stale] = await tablet.push([tablet.mutation('note.saveDraft', { ...base, sections: sections('Throat pain, written on the tablet') }, 1)]);
    expect(stale).toMatchObject({ status: 'rejected', reason: 'stale_version', current: { version: 2, data: { sections: { subjective: 'Sore throat for 3 days, no fever' } } } });
    const versions = (await t.db.query<{ kind: string; sections: { subjective: string } | string }>('SELECT kind, sections FROM note_versions WHERE note_id = $1 ORDER BY id', [noteId])).rows
      .map((r) => ({ kind: r.kind, text: (typeof r.sections === 'string' ? JSON.parse(r.sections) : r.sections).subjective }));
    expect(versions).toEqual([
      { kind: 'saved', text: 'Sore throat for 3 days' },
      { kind: 'saved', text: 'Sore throat for 3 days, no fever' },
      { kind: 'conflict', text: 'Throat pain, written on the tablet' },
    ]);
    // "Keep mine as a new version": the tablet saves again against the current version.
    const [kept] = await tablet.push([tablet.mutation('note.saveDraft', { ...base, sections: sections('Throat pain, written on the tablet') }, 2)]);
    expect(kept).toMatchObject({ status: 'applied', state: { version: 3 } });
    // Another clinician cannot touch the draft, and does not receive it.
    const other = new TestSyncClient(api, otherToken);
    expect((await other.push([other.mutation('note.saveDraft', { ...base, sections: sections('x') }, 3)]))[0]).toMatchObject({ status: 'rejected', reason: 'forbidden' });
    expect((await other.pullAll()).some((c) => c.entity === 'note')).toBe(false);
  });

  it('a pull never passes a change committed by a concurrent writer', async () => {
    const reader = new TestSyncClient(api, clinicianToken);
    await reader.pullAll();
    const writers = [new TestSyncClient(api, clinicianToken), new TestSyncClient(api, clinicianToken)];
    const seen = new Map<string, number>();
    const wanted: string[] = [];
    const pulls: Promise<void>[] = [];
    for (let round = 0; round < 10; round++) {
      const phones = writers.map((_, i) => `206-555-01${round}${i}`);
      wanted.push(...phones);
      await Promise.all(writers.map((w, i) => w.push([w.mutation('patient.updateContact', { patientId: clinic.ownPatientId, fields: { phone: phones[i] } })])));
      pulls.push(reader.pullAll().then((changes) => {
        for (const c of changes) if (c.entity === 'patient') seen.set(String((c.data as { phone: string }).phone), c.seq);
      }));
      await pulls.at(-1);
    }
    await Promise.all(pulls);
    for (const c of await reader.pullAll()) if (c.entity === 'patient') seen.set(String((c.data as { phone: string }).phone), c.seq);
    // Every committed version was delivered, in commit (seq) order, and the last one is the current state.
    expect([...seen.keys()].sort()).toEqual([...wanted].sort());
    const { rows } = await t.db.query<{ phone: string }>('SELECT phone FROM patients WHERE id = $1', [clinic.ownPatientId]);
    const lastSeq = Math.max(...seen.values());
    expect([...seen.entries()].find(([, s]) => s === lastSeq)![0]).toBe(rows[0]!.phone);
  });

  it('gaining a patient brings their chart; losing them tells the device to remove it', async () => {
    const device = new TestSyncClient(api, clinicianToken);
    await device.pullAll();
    await t.db.transaction(async (tx) => {
      await tx.query(`INSERT INTO care_team (patient_id, user_id, relation) VALUES ($1, $2, 'consulting')`, [clinic.otherPatientId, clinic.users.clinician]);
      await recordAccessChange(tx, clinic.users.clinician, clinic.otherPatientId, true);
    });
    const granted = await device.pullAll();
    expect(granted[0]).toMatchObject({ entity: 'access', deleted: false, patientId: clinic.otherPatientId });
    expect(granted.some((c) => c.entity === 'patient' && c.id === clinic.otherPatientId)).toBe(true);
    expect(granted.some((c) => c.entity === 'appointment' && c.id === clinic.otherAppointmentId)).toBe(true);
    await t.db.transaction(async (tx) => {
      await tx.query('DELETE FROM care_team WHERE patient_id = $1 AND user_id = $2', [clinic.otherPatientId, clinic.users.clinician]);
      await recordAccessChange(tx, clinic.users.clinician, clinic.otherPatientId, false);
      await tx.query(`UPDATE patients SET phone = '212-555-0100', version = version + 1 WHERE id = $1`, [clinic.otherPatientId]);
      await recordChange(tx, 'patient', clinic.otherPatientId);
    });
    const revoked = await device.pullAll();
    expect(revoked).toEqual([expect.objectContaining({ entity: 'access', deleted: true, patientId: clinic.otherPatientId })]);
  });

  it('accepts a batch carrying a full-length note (larger than the API\'s usual body limit)', async () => {
    const client = new TestSyncClient(api, clinicianToken);
    const long = 'Patient reports é '.repeat(1100).slice(0, 20_000);
    const [result] = await client.push([client.mutation('note.saveDraft', { noteId: randomUUID(), patientId: clinic.ownPatientId, appointmentId: null, sections: { subjective: long, objective: long, assessment: long, plan: long } }, 0)]);
    expect(result).toMatchObject({ status: 'applied' });
  });

  it('a confirmed location reaches the appointments that show it', async () => {
    const device = new TestSyncClient(api, clinicianToken);
    await device.pullAll();
    const client = new TestSyncClient(api, clinicianToken);
    await client.push([client.mutation('patient.confirmLocation', { patientId: clinic.ownPatientId, locationState: 'ID' })]);
    const changes = await device.pullAll();
    const appointment = changes.find((c) => c.entity === 'appointment' && c.id === clinic.ownAppointmentId);
    expect(appointment?.data).toMatchObject({ patientLocationState: 'ID' });
  });

  it('audits pushes and pulls of patient data', async () => {
    const n = await count(`SELECT count(*)::int AS n FROM audit_log WHERE user_id = $1 AND action LIKE 'sync.%' AND patient_id = $2`, [clinic.users.clinician, clinic.ownPatientId]);
    expect(n).toBeGreaterThan(5);
  });

  it('a first sync audits each patient once per snapshot, and again in the next snapshot and in change-log pages', async () => {
    const pullAudits = () => count(`SELECT count(*)::int AS n FROM audit_log WHERE user_id = $1 AND action = 'sync.pull' AND patient_id = $2`, [clinic.users.clinician, clinic.ownPatientId]);
    const before = await pullAudits();
    const device = new TestSyncClient(api, clinicianToken);
    let pagesWithPatient = 0;
    for (;;) {
      const page = await device.pullPage(1); // one change per page: the patient's data spans many pages
      if (page.changes.some((c) => c.patientId === clinic.ownPatientId && !c.deleted)) pagesWithPatient += 1;
      if (device.cursor.startsWith('c.')) break;
    }
    expect(pagesWithPatient).toBeGreaterThan(3);
    expect(await pullAudits()).toBe(before + 1);

    await new TestSyncClient(api, clinicianToken).pullAll(1); // a new snapshot audits again
    expect(await pullAudits()).toBe(before + 2);

    const writer = new TestSyncClient(api, clinicianToken);
    await writer.push([writer.mutation('patient.confirmLocation', { patientId: clinic.ownPatientId, locationState: 'WA' })]);
    const changes = await device.pullAll();
    expect(changes.some((c) => c.patientId === clinic.ownPatientId)).toBe(true);
    expect(await pullAudits()).toBe(before + 3);
  });

  it('refuses a malformed cursor and a malformed push with a clear 400', async () => {
    const bad = await api.app.inject({ method: 'GET', url: '/api/sync/pull?cursor=b.1.2', headers: { authorization: `Bearer ${clinicianToken}` } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual(['cursor']);
    const push = await api.app.inject({ method: 'POST', url: '/api/sync/push', headers: { authorization: `Bearer ${clinicianToken}` }, payload: { clientId: 'x', mutations: [] } });
    expect(push.statusCode).toBe(400);
  });
});
