// Dispatch on the server: creating field requests (validated, geocoded, audited), dispatcher scope, assignment
// compare-and-set (two coordinators, one wins and the other is told who), the rules re-checked on the server,
// the visit on the assignee's schedule, and the assignee's progress reports. On PGlite and PostgreSQL.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDriver, openTestDatabase } from './support/databases';
import type { TestDatabase } from './support/databases';
import { seedTestClinic } from './support/fixtures';
import type { TestClinic } from './support/fixtures';
import { bearer, buildTestApp, signIn } from './support/app';
import type { TestApp } from './support/app';
import { TestSyncClient } from './support/sync-client';
import { localDate, instantAt } from '../../shared/rules/time-zones';

const TZ = 'America/Los_Angeles';

describeEachDriver('dispatch board on the server', (driver) => {
  let t: TestDatabase;
  let clinic: TestClinic;
  let api: TestApp;
  let dispatcherToken: string;
  let dispatcher2Token: string;
  let clinicianToken: string;
  let otherToken: string;
  const dispatcher2 = randomUUID();
  const today = localDate(new Date(), TZ);
  const at = (hhmm: string) => instantAt(today, hhmm, TZ).toISOString();

  beforeAll(async () => {
    t = await openTestDatabase(driver);
    clinic = await seedTestClinic(t.db);
    api = await buildTestApp(t.db);
    await t.db.query(`INSERT INTO users (id, email, display_name, role, credential, time_zone, home_city_id, password_hash)
      SELECT $1, 'dispatch2@test.housecall.test', 'Second Dispatcher', 'dispatcher', 'coordinator', time_zone, home_city_id, password_hash FROM users WHERE id = $2`,
    [dispatcher2, clinic.users.dispatcher]);
    await t.db.query(`INSERT INTO staff_skills (user_id, skill) VALUES ($1, 'lung_exam'), ($1, 'wound_care'), ($2, 'phlebotomy'), ($2, 'lung_exam'), ($3, 'delivery')`,
      [clinic.users.clinician, clinic.users.otherClinician, clinic.users.courier]);
    for (const user of [clinic.users.clinician, clinic.users.otherClinician, clinic.users.courier]) {
      await t.db.query(`INSERT INTO staff_shifts (id, user_id, city_id, shift_date, starts_at, ends_at, start_latitude, start_longitude)
        VALUES ($1, $2, 'seattle', $3::date, $4, $5, 47.6062, -122.3321)`, [randomUUID(), user, today, at('08:00'), at('17:00')]);
    }
    dispatcherToken = (await signIn(api, clinic.emails.dispatcher)).accessToken;
    dispatcher2Token = (await signIn(api, 'dispatch2@test.housecall.test')).accessToken;
    clinicianToken = (await signIn(api, clinic.emails.clinician)).accessToken;
    otherToken = (await signIn(api, clinic.emails.otherClinician)).accessToken;
  });
  afterAll(async () => {
    await api.app.close();
    await t.dispose();
  });

  const create = (body: Record<string, unknown>, token = dispatcherToken) => api.app.inject({
    method: 'POST', url: '/api/dispatch/requests', headers: bearer(token),
    payload: { kind: 'home_visit', patientId: clinic.ownPatientId, reason: 'Lung exam', windowStart: at('09:00'), windowEnd: at('15:00'), skills: ['lung_exam'], durationMinutes: 30, ...body },
  });
  const count = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM field_requests')).rows[0]!.n;
  const version = async (id: string) => (await t.db.query<{ version: number }>('SELECT version FROM field_requests WHERE id = $1', [id])).rows[0]!.version;

  it('creates a request geocoded from the ZIP centroid, audited; bad windows and unknown skills are refused and change nothing', async () => {
    const before = await count();
    const bad = await create({ windowStart: at('15:00'), windowEnd: at('09:00') });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('The field request is invalid: windowEnd: the time window ends before it starts.');
    const unknown = await create({ skills: ['juggling'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toBe('The field request is invalid: skills.0: an unknown skill (known skills: phlebotomy, iv, vaccination, lung_exam, wound_care, delivery).');
    expect(JSON.stringify(unknown.json())).not.toMatch(/Zelphira|Quimbleton/);
    expect(await count()).toBe(before);

    const res = await create({});
    expect(res.statusCode).toBe(201);
    const { rows } = await t.db.query<{ latitude: number; longitude: number; status: string; dispatch_date: string }>(
      'SELECT latitude, longitude, status, dispatch_date FROM field_requests WHERE id = $1', [res.json().id]);
    expect(rows[0]!.latitude).toBeCloseTo(47.61, 1); // ZIP 98101
    expect(rows[0]!.longitude).toBeCloseTo(-122.33, 1);
    expect(rows[0]).toMatchObject({ status: 'unassigned', dispatch_date: today });
    const audited = await t.db.query('SELECT 1 FROM audit_log WHERE action = $1 AND patient_id = $2', ['field_request.create', clinic.ownPatientId]);
    expect(audited.rows.length).toBe(1);
  });

  it('dispatchers pull field requests and their patients; couriers and clinicians off the care team do not', async () => {
    const id = (await create({})).json().id as string;
    const board = await new TestSyncClient(api, dispatcherToken).pullAll();
    expect(board.some((c) => c.entity === 'fieldRequest' && c.id === id)).toBe(true);
    expect(board.some((c) => c.entity === 'patient' && c.id === clinic.ownPatientId)).toBe(true);
    const courier = await new TestSyncClient(api, (await signIn(api, clinic.emails.courier)).accessToken).pullAll();
    expect(courier.some((c) => c.entity === 'fieldRequest')).toBe(false);
    const other = await new TestSyncClient(api, otherToken).pullAll();
    expect(other.some((c) => c.entity === 'fieldRequest' && c.id === id)).toBe(false);
    const staff = await api.app.inject({ method: 'GET', url: `/api/dispatch/staff?cityId=seattle&date=${today}`, headers: bearer(dispatcherToken) });
    expect(staff.json().staff.map((s: { displayName: string }) => s.displayName)).toEqual(['Dr. Other Clinician', 'Dr. Test Clinician', 'Test Courier']);
  });

  it('two coordinators assign the same request: one wins, the other is refused with who won', async () => {
    const id = (await create({})).json().id as string;
    const base = await version(id);
    const one = new TestSyncClient(api, dispatcherToken);
    const two = new TestSyncClient(api, dispatcher2Token);
    const [a, b] = await Promise.all([
      one.push([one.mutation('fieldRequest.assign', { requestId: id, assigneeId: clinic.users.clinician, acceptWarnings: false }, base)]),
      two.push([two.mutation('fieldRequest.assign', { requestId: id, assigneeId: clinic.users.otherClinician, acceptWarnings: false }, base)]),
    ]);
    const results = [a[0]!, b[0]!];
    expect(results.filter((r) => r.status === 'applied')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as Extract<(typeof results)[number], { status: 'rejected' }>;
    expect(lost.reason).toBe('stale_version');
    const winner = results[0]!.status === 'applied' ? { who: 'Dr. Test Clinician', by: 'Test Dispatcher' } : { who: 'Dr. Other Clinician', by: 'Second Dispatcher' };
    expect(lost.message).toBe(`Someone else got there first: this request was assigned to ${winner.who} by ${winner.by}.`);
    expect(lost.current?.data).toMatchObject({ status: 'assigned', assigneeName: winner.who });
    expect(await version(id)).toBeGreaterThan(base);
  });

  it('re-checks the rules on the server: missing skill, no license where the patient is, tight windows need an explicit accept', async () => {
    const client = new TestSyncClient(api, dispatcherToken);
    const draw = (await create({ skills: ['phlebotomy'] })).json().id as string;
    const v = await version(draw);
    const [noSkill] = await client.push([client.mutation('fieldRequest.assign', { requestId: draw, assigneeId: clinic.users.clinician, acceptWarnings: true }, v)]);
    expect(noSkill).toMatchObject({ status: 'rejected', reason: 'rule_violation', message: 'Dr. Test Clinician lacks the skill phlebotomy.' });
    expect(await version(draw)).toBe(v);

    const [notOnShift] = await client.push([client.mutation('fieldRequest.assign', { requestId: draw, assigneeId: clinic.users.dispatcher, acceptWarnings: true }, v)]);
    expect(notOnShift).toMatchObject({ status: 'rejected', reason: 'rule_violation', message: 'That person is not on shift on this day.' });

    const tight = (await create({ windowStart: at('08:00'), windowEnd: at('08:10') })).json().id as string;
    const tv = await version(tight);
    const [unconfirmed] = await client.push([client.mutation('fieldRequest.assign', { requestId: tight, assigneeId: clinic.users.otherClinician, acceptWarnings: false }, tv)]);
    expect(unconfirmed).toMatchObject({ status: 'rejected', reason: 'rule_violation' });
    expect((unconfirmed as { message: string }).message).toMatch(/^Needs confirmation: Tight window/);
    const [accepted] = await client.push([client.mutation('fieldRequest.assign', { requestId: tight, assigneeId: clinic.users.otherClinician, acceptWarnings: true }, tv)]);
    expect(accepted).toMatchObject({ status: 'applied' });

    await t.db.query(`UPDATE patients SET location_state = 'OR' WHERE id = $1`, [clinic.ownPatientId]);
    try {
      const away = (await create({})).json().id as string;
      const [noLicense] = await client.push([client.mutation('fieldRequest.assign', { requestId: away, assigneeId: clinic.users.clinician, acceptWarnings: true }, await version(away))]);
      expect(noLicense).toMatchObject({ status: 'rejected', reason: 'rule_violation', message: 'Dr. Test Clinician is not licensed in OR, where the patient is.' });
    } finally {
      await t.db.query(`UPDATE patients SET location_state = 'WA' WHERE id = $1`, [clinic.ownPatientId]);
    }
  });

  it('puts an assigned home visit on the clinician schedule and care team; the assignee reports progress in order', async () => {
    const id = (await create({ patientId: clinic.otherPatientId })).json().id as string;
    const before = new TestSyncClient(api, clinicianToken);
    await before.pullAll();
    const board = new TestSyncClient(api, dispatcherToken);
    const [res] = await board.push([board.mutation('fieldRequest.assign', { requestId: id, assigneeId: clinic.users.clinician, acceptWarnings: true }, await version(id))]);
    expect(res).toMatchObject({ status: 'applied', state: { data: { status: 'assigned', assigneeName: 'Dr. Test Clinician', assignedByName: 'Test Dispatcher' } } });
    const { rows } = await t.db.query<{ clinician_id: string; kind: string; status: string }>(
      'SELECT a.clinician_id, a.kind, a.status FROM field_requests r JOIN appointments a ON a.id = r.appointment_id WHERE r.id = $1', [id]);
    expect(rows[0]).toEqual({ clinician_id: clinic.users.clinician, kind: 'home', status: 'booked' });
    const changes = await before.pullAll();
    expect(changes.some((c) => c.entity === 'access' && c.patientId === clinic.otherPatientId && !c.deleted)).toBe(true);
    expect(changes.some((c) => c.entity === 'appointment' && (c.data as { clinicianId?: string } | null)?.clinicianId === clinic.users.clinician)).toBe(true);
    expect(changes.some((c) => c.entity === 'fieldRequest' && c.id === id)).toBe(true);

    const field = new TestSyncClient(api, clinicianToken);
    const stranger = new TestSyncClient(api, otherToken);
    const [notMine] = await stranger.push([stranger.mutation('fieldRequest.setStatus', { requestId: id, status: 'en_route' })]);
    expect(notMine).toMatchObject({ status: 'rejected', reason: 'not_found' });
    const [enRoute, arrived] = await field.push([
      field.mutation('fieldRequest.setStatus', { requestId: id, status: 'en_route' }),
      field.mutation('fieldRequest.setStatus', { requestId: id, status: 'arrived' }),
    ]);
    expect(enRoute).toMatchObject({ status: 'applied' });
    expect(arrived).toMatchObject({ status: 'applied', state: { data: { status: 'arrived' } } });
    const [back] = await field.push([field.mutation('fieldRequest.setStatus', { requestId: id, status: 'en_route' })]);
    expect(back).toMatchObject({ status: 'rejected', reason: 'rule_violation' });
    // Started: the board can no longer move it.
    const [move] = await board.push([board.mutation('fieldRequest.assign', { requestId: id, assigneeId: null, acceptWarnings: true }, await version(id))]);
    expect(move).toMatchObject({ status: 'rejected', reason: 'rule_violation', message: 'This visit has already started and cannot be moved.' });
    const shift = await t.db.query<{ status: string }>('SELECT status FROM staff_shifts WHERE user_id = $1', [clinic.users.clinician]);
    expect(shift.rows[0]!.status).toBe('on_site');
  });
});
