// The on-demand queue on the server: pull scope by active license (expiry included, and a patient who moves),
// take as compare-and-set (two clinicians racing: one wins, the other is told who), and what a take creates.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDriver, openTestDatabase } from './support/databases';
import type { TestDatabase } from './support/databases';
import { seedTestClinic } from './support/fixtures';
import type { TestClinic } from './support/fixtures';
import { buildTestApp, signIn } from './support/app';
import type { TestApp } from './support/app';
import { TestSyncClient } from './support/sync-client';
import type { Change } from '../../shared/sync/protocol';
import type { UsState } from '../../shared/domain/states';
import { checkQueueEligibility } from '../../shared/rules/queue';
import { generateDemoClinic } from '../../server/seed/demo-clinic';
import { generateDemoQueue } from '../../server/seed/demo-queue';
import { DEMO_ACCOUNTS } from '../../server/seed/demo-accounts';

const queueIds = (changes: Change[]) => [...new Set(changes.filter((c) => c.entity === 'queue' && !c.deleted).map((c) => c.id))].sort();

describeEachDriver('on-demand queue', (driver) => {
  let t: TestDatabase;
  let clinic: TestClinic;
  let api: TestApp;
  let clinicianToken: string;
  let otherToken: string;
  let dispatcherToken: string;
  const patients = { wa: randomUUID(), or: randomUUID(), tx: randomUUID(), wa2: randomUUID() };
  const requests = { wa: randomUUID(), or: randomUUID(), tx: randomUUID(), wa2: randomUUID() };

  beforeAll(async () => {
    t = await openTestDatabase(driver);
    clinic = await seedTestClinic(t.db);
    // The clinician's Oregon license expired last year; nobody is licensed in Texas.
    await t.db.query(`INSERT INTO staff_licenses (user_id, state, license_number, expires_on) VALUES ($1, 'OR', 'MD-OR-1', '2020-01-31')`, [clinic.users.clinician]);
    let n = 10;
    for (const [key, id] of Object.entries(patients)) {
      const state = key.slice(0, 2).toUpperCase();
      await t.db.query(`INSERT INTO patients (id, mrn, given_name, family_name, birth_date, sex, address_line, address_city, address_state, postal_code, location_state)
                        VALUES ($1, $2, 'Queue', $3, '1990-01-01', 'male', '1 Main St', 'Town', $4, '98101', $4)`, [id, `HCQ${n++}`, `Patient${key}`, state]);
      await t.db.query(`INSERT INTO queue_requests (id, patient_id, reason, urgency, requested_at, location_state) VALUES ($1, $2, 'Cough', 'routine', now() - interval '10 minutes', $3)`,
        [requests[key as keyof typeof requests], id, state]);
    }
    // The other clinician looks after the Texas patient (so may confirm where they are).
    await t.db.query(`INSERT INTO care_team (patient_id, user_id, relation) VALUES ($1, $2, 'primary')`, [patients.tx, clinic.users.otherClinician]);
    api = await buildTestApp(t.db);
    clinicianToken = (await signIn(api, clinic.emails.clinician)).accessToken;
    otherToken = (await signIn(api, clinic.emails.otherClinician)).accessToken;
    dispatcherToken = (await signIn(api, clinic.emails.dispatcher)).accessToken;
  });
  afterAll(async () => {
    await api.app.close();
    await t.dispose();
  });

  it('a clinician pulls only waiting requests located where they hold an active license; a dispatcher none', async () => {
    const clinician = new TestSyncClient(api, clinicianToken);
    const all = await clinician.pullAll();
    expect(queueIds(all)).toEqual([requests.wa, requests.wa2].sort()); // not OR (expired), not TX (no license)
    const request = all.find((c) => c.id === requests.wa)!;
    expect(request.data).toMatchObject({ status: 'waiting', locationState: 'WA', urgency: 'routine', takenBy: null, patientName: 'Queue Patientwa' });
    expect(queueIds(await new TestSyncClient(api, dispatcherToken).pullAll())).toEqual([]);
  });

  it('two clinicians take the same request at once: exactly one wins, the other is told who took it', async () => {
    const a = new TestSyncClient(api, clinicianToken);
    const b = new TestSyncClient(api, otherToken);
    // Both devices have the waiting request, so whichever loses the race must be told to drop it.
    await a.pullAll();
    await b.pullAll();
    const [ra, rb] = await Promise.all([
      a.push([a.mutation('queue.take', { requestId: requests.wa, appointmentId: randomUUID() }, 1)]),
      b.push([b.mutation('queue.take', { requestId: requests.wa, appointmentId: randomUUID() }, 1)]),
    ]);
    const results = [ra[0]!, rb[0]!];
    const applied = results.filter((r) => r.status === 'applied');
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(applied).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    const winner = results[0]!.status === 'applied' ? 'Dr. Test Clinician' : 'Dr. Other Clinician';
    expect(rejected[0]).toMatchObject({ reason: 'stale_version', message: `This patient was already taken by ${winner}.`, current: { entity: 'queue', data: { status: 'taken' } } });
    const { rows } = await t.db.query<{ status: string; version: number }>('SELECT status, version FROM queue_requests WHERE id = $1', [requests.wa]);
    expect(rows).toEqual([{ status: 'taken', version: 2 }]);
    const visits = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM appointments WHERE patient_id = $1`, [patients.wa]);
    expect(visits.rows[0]!.n).toBe(1); // only the winner's visit exists
    // The loser's device drops the request on its next pull.
    const loser = results[0]!.status === 'applied' ? b : a;
    const after = await loser.pullAll();
    expect(after.filter((c) => c.id === requests.wa)).toEqual([expect.objectContaining({ deleted: true, data: null, patientId: null })]);
  });

  it('a take with an old version is refused, and so is one of an unlicensed state; nothing changes', async () => {
    const a = new TestSyncClient(api, clinicianToken);
    const [stale] = await a.push([a.mutation('queue.take', { requestId: requests.wa2, appointmentId: randomUUID() }, 0)]);
    expect(stale).toMatchObject({ status: 'rejected', reason: 'stale_version' });
    const [unlicensed] = await a.push([a.mutation('queue.take', { requestId: requests.tx, appointmentId: randomUUID() }, 1)]);
    expect(unlicensed).toMatchObject({ status: 'rejected', reason: 'forbidden', message: 'You are not licensed in TX, where the patient is located.', current: null });
    const [expired] = await a.push([a.mutation('queue.take', { requestId: requests.or, appointmentId: randomUUID() }, 1)]);
    expect(expired).toMatchObject({ status: 'rejected', reason: 'forbidden', message: expect.stringContaining('expired') });
    const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM queue_requests WHERE status = 'waiting' AND id = ANY($1::uuid[])`, [[requests.wa2, requests.tx, requests.or]]);
    expect(rows[0]!.n).toBe(3);
  });

  it('taking adds the patient to the care team, creates an in-progress video visit, and the chart syncs to the taker', async () => {
    const a = new TestSyncClient(api, clinicianToken);
    await a.pullAll();
    const appointmentId = randomUUID();
    const [taken] = await a.push([a.mutation('queue.take', { requestId: requests.wa2, appointmentId }, 1)]);
    expect(taken).toMatchObject({ status: 'applied', state: { data: { status: 'taken', takenBy: clinic.users.clinician, takenByName: 'Dr. Test Clinician', appointmentId } } });
    const team = await t.db.query('SELECT relation FROM care_team WHERE patient_id = $1 AND user_id = $2', [patients.wa2, clinic.users.clinician]);
    expect(team.rows).toEqual([{ relation: 'consulting' }]);
    const changes = await a.pullAll();
    expect(changes.some((c) => c.entity === 'access' && !c.deleted && c.patientId === patients.wa2)).toBe(true);
    expect(changes.some((c) => c.entity === 'patient' && c.id === patients.wa2)).toBe(true);
    expect(changes.find((c) => c.entity === 'appointment' && c.id === appointmentId)?.data).toMatchObject({ kind: 'video', status: 'in_progress', clinicianId: clinic.users.clinician });
    // Still visible to the taker (as taken by them).
    expect(changes.filter((c) => c.entity === 'queue' && c.id === requests.wa2).at(-1)).toMatchObject({ deleted: false, data: { status: 'taken' } });
    const audit = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'sync.queue.take' AND outcome = 'allowed' AND patient_id = $1`, [patients.wa2]);
    expect(audit.rows[0]!.n).toBe(1);
  });

  it('a patient who moves into a licensed state appears in the queue; moving out removes it', async () => {
    const a = new TestSyncClient(api, clinicianToken);
    expect(queueIds(await a.pullAll())).not.toContain(requests.tx);
    const b = new TestSyncClient(api, otherToken);
    const [moved] = await b.push([b.mutation('patient.confirmLocation', { patientId: patients.tx, locationState: 'WA' })]);
    expect(moved).toMatchObject({ status: 'applied' });
    const afterMove = await a.pullAll();
    expect(afterMove.find((c) => c.id === requests.tx)).toMatchObject({ deleted: false, data: { locationState: 'WA', status: 'waiting' } });
    await b.push([b.mutation('patient.confirmLocation', { patientId: patients.tx, locationState: 'TX' })]);
    const afterLeaving = await a.pullAll();
    expect(afterLeaving.find((c) => c.id === requests.tx)).toMatchObject({ deleted: true, data: null });
  });
});

describe('demo queue seed', () => {
  it('seeds seven requests of patients without visits, four in states where the demo clinician is licensed', () => {
    const now = new Date('2026-11-28T18:00:00Z');
    const clinic = generateDemoClinic({ now, seed: 1 });
    const rows = generateDemoQueue(clinic, now);
    expect(rows).toHaveLength(7);
    const booked = new Set(clinic.appointments.map((a) => a.patient_id));
    expect(rows.some((r) => booked.has(r.patient_id))).toBe(false);
    const clinician = clinic.users.find((u) => u.email === DEMO_ACCOUNTS.clinician)!;
    const licenses = clinic.staff_licenses.filter((l) => l.user_id === clinician.id)
      .map((l) => ({ state: l.state as UsState, licenseNumber: l.license_number, expiresOn: l.expires_on }));
    const eligible = rows.filter((r) => checkQueueEligibility(licenses, { status: 'waiting', locationState: r.location_state as UsState }, now).eligible);
    expect(eligible.map((r) => r.location_state)).toEqual(['WA', 'NY', 'TX', 'CA']);
  });
});
