// "See a clinician now" links on the server: a care-team clinician issues a one-time link; the patient uses it once
// to enter the on-demand queue where they say they are (pulled only by clinicians licensed there); reused,
// expired and malformed entries are refused and change nothing; the waiting page follows the request until the
// taker opens the video visit and then holds that visit's patient session; link use is rate-limited per address.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../server/http/app';
import { describeEachDriver, openTestDatabase } from './support/databases';
import type { TestDatabase } from './support/databases';
import { seedTestClinic } from './support/fixtures';
import type { TestClinic } from './support/fixtures';
import { bearer, buildTestApp, signIn } from './support/app';
import type { TestApp } from './support/app';
import { TestSyncClient } from './support/sync-client';
import type { Change } from '../../shared/sync/protocol';
import { QueueEntryStatusSchema } from '../../shared/api/queue-entry';

const queueChanges = (changes: Change[]) => changes.filter((c) => c.entity === 'queue' && !c.deleted);

describeEachDriver('"See a clinician now" links', (driver) => {
  let t: TestDatabase;
  let clinic: TestClinic;
  let api: TestApp;
  let clinicianToken: string;
  let otherToken: string;
  let dispatcherToken: string;

  beforeAll(async () => {
    t = await openTestDatabase(driver);
    clinic = await seedTestClinic(t.db);
    // Both clinicians are licensed in WA (the fixture); the other one in NY too.
    await t.db.query(`INSERT INTO staff_licenses (user_id, state, license_number, expires_on) VALUES ($1, 'NY', 'NP-NY-1', '2030-12-31')`, [clinic.users.otherClinician]);
    api = await buildTestApp(t.db);
    clinicianToken = (await signIn(api, clinic.emails.clinician)).accessToken;
    otherToken = (await signIn(api, clinic.emails.otherClinician)).accessToken;
    dispatcherToken = (await signIn(api, clinic.emails.dispatcher)).accessToken;
  });
  afterAll(async () => {
    await api.app.close();
    await t.dispose();
  });

  const sendLink = (token: string, patientId: string) =>
    api.app.inject({ method: 'POST', url: '/api/queue-links', headers: bearer(token), payload: { patientId } });
  const newLinkToken = async (): Promise<string> => {
    const res = await sendLink(clinicianToken, clinic.ownPatientId);
    expect(res.statusCode).toBe(201);
    const path: string = res.json().link.path;
    expect(path).toMatch(/^\/now\/[A-Za-z0-9_-]{43}$/);
    return path.slice('/now/'.length);
  };
  const enter = (payload: Record<string, unknown>, remoteAddress = '10.1.0.1') =>
    api.app.inject({ method: 'POST', url: '/api/queue-entry', remoteAddress, payload });
  const status = async (sessionToken: string) => {
    const res = await api.app.inject({ method: 'GET', url: '/api/queue-entry', headers: { authorization: `Bearer ${sessionToken}` } });
    expect(res.statusCode).toBe(200);
    return QueueEntryStatusSchema.parse(res.json());
  };
  const requestCount = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM queue_requests')).rows[0]!.n;

  it('only a clinician on the patient\'s care team can send the link; the link carries no patient data', async () => {
    expect((await sendLink(otherToken, clinic.ownPatientId)).statusCode).toBe(404);
    expect((await sendLink(dispatcherToken, clinic.ownPatientId)).statusCode).toBe(403);
    const res = await sendLink(clinicianToken, clinic.ownPatientId);
    expect(res.statusCode).toBe(201);
    expect(res.body).not.toContain(clinic.ownPatientId);
    expect(res.body).not.toContain('Quimbleton');
    const { rows } = await t.db.query<{ outcome: string }>(`SELECT outcome FROM audit_log WHERE action = 'queue.link.create' AND patient_id = $1`, [clinic.ownPatientId]);
    expect(rows.map((r) => r.outcome)).toContain('allowed');
  });

  it('entering the queue creates a waiting request pulled only by clinicians licensed in the confirmed state', async () => {
    const token = await newLinkToken();
    const res = await enter({ token, locationState: 'NY', reason: 'Chest feels tight since this morning', urgency: 'urgent' });
    expect(res.statusCode).toBe(201);
    const sessionToken: string = res.json().sessionToken;
    const waiting = await status(sessionToken);
    expect(waiting).toMatchObject({ status: 'waiting', position: 1, locationState: 'NY' });

    // Licensed in WA only: not in the pull. Licensed in NY: pulled, with the reason and urgency.
    expect(queueChanges(await new TestSyncClient(api, clinicianToken).pullAll()).filter((c) => c.data?.reason === 'Chest feels tight since this morning')).toEqual([]);
    const pulled = queueChanges(await new TestSyncClient(api, otherToken).pullAll()).find((c) => c.data?.reason === 'Chest feels tight since this morning');
    expect(pulled?.data).toMatchObject({ status: 'waiting', locationState: 'NY', urgency: 'urgent', patientId: clinic.ownPatientId });

    // A second patient in NY comes after: position 2; the WA one is first in WA.
    api.clock.advanceMinutes(0.1);
    const second = await enter({ token: await newLinkToken(), locationState: 'NY', reason: 'Rash', urgency: 'routine' });
    expect(await status(second.json().sessionToken)).toMatchObject({ status: 'waiting', position: 2 });
    const audits = await t.db.query<{ outcome: string; role: string }>(`SELECT outcome, role FROM audit_log WHERE action = 'queue.request.create' AND patient_id = $1`, [clinic.ownPatientId]);
    expect(audits.rows).toContainEqual({ outcome: 'allowed', role: 'patient' });
  });

  it('a used, expired, unknown or malformed link is refused with a clear 4xx and changes nothing', async () => {
    const token = await newLinkToken();
    const before = await requestCount();
    // Bad input first: nothing is created and the link still works afterwards.
    const unknownState = await enter({ token, locationState: 'XX', reason: 'Cough', urgency: 'routine' });
    expect(unknownState.statusCode).toBe(400);
    expect(unknownState.json().error.message).toContain('locationState');
    expect((await enter({ token, locationState: 'WA', reason: 'x'.repeat(501), urgency: 'routine' })).statusCode).toBe(400);
    expect((await enter({ token, locationState: 'WA', reason: '   ', urgency: 'routine' })).statusCode).toBe(400);
    expect((await enter({ token, locationState: 'WA', reason: 'Cough', urgency: 'whenever' })).statusCode).toBe(400);
    expect((await enter({ token, locationState: 'WA', reason: 'Cough', urgency: 'routine', patientId: clinic.otherPatientId })).statusCode).toBe(400);
    expect(await requestCount()).toBe(before);

    expect((await enter({ token, locationState: 'WA', reason: 'Cough', urgency: 'routine' })).statusCode).toBe(201);
    const reused = await enter({ token, locationState: 'WA', reason: 'Cough again', urgency: 'routine' });
    expect(reused.statusCode).toBe(410);
    expect(reused.json().error).toMatchObject({ code: 'link_used', message: 'This link has already been used. Ask your care team for a new link.' });
    expect(await requestCount()).toBe(before + 1);

    const late = await newLinkToken();
    api.clock.advanceMinutes(31);
    const expired = await enter({ token: late, locationState: 'WA', reason: 'Cough', urgency: 'routine' });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error.code).toBe('link_expired');
    expect((await enter({ token: 'B'.repeat(43), locationState: 'WA', reason: 'Cough', urgency: 'routine' })).statusCode).toBe(404);
    expect(await requestCount()).toBe(before + 1);
    clinicianToken = (await signIn(api, clinic.emails.clinician)).accessToken; // the staff tokens expired meanwhile
    otherToken = (await signIn(api, clinic.emails.otherClinician)).accessToken;
    const denied = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'queue.request.create' AND outcome = 'denied'`);
    expect(denied.rows[0]!.n).toBeGreaterThanOrEqual(3);
    // The waiting page's session is a bearer of its own: a join-link session or junk is refused.
    expect((await api.app.inject({ method: 'GET', url: '/api/queue-entry', headers: { authorization: `Bearer hcq_${'C'.repeat(43)}` } })).statusCode).toBe(401);
    expect((await api.app.inject({ method: 'GET', url: '/api/queue-entry' })).statusCode).toBe(401);
  });

  it('the patient can leave the queue while waiting: the request is cancelled and dropped from clinicians\' devices', async () => {
    const res = await enter({ token: await newLinkToken(), locationState: 'NY', reason: 'Changed my mind', urgency: 'routine' });
    const sessionToken: string = res.json().sessionToken;
    const other = new TestSyncClient(api, otherToken);
    const pulled = queueChanges(await other.pullAll()).find((c) => c.data?.reason === 'Changed my mind');
    expect(pulled).toBeDefined();
    const leave = () => api.app.inject({ method: 'POST', url: '/api/queue-entry/leave', headers: { authorization: `Bearer ${sessionToken}` } });
    const left = await leave();
    expect(left.statusCode).toBe(200);
    expect(left.json()).toEqual({ status: 'closed' });
    expect(await status(sessionToken)).toEqual({ status: 'closed' });
    const after = await other.pullAll();
    expect(after.filter((c) => c.entity === 'queue' && c.id === pulled!.id).at(-1)).toMatchObject({ deleted: true, data: null });
    const { rows } = await t.db.query<{ status: string }>('SELECT status FROM queue_requests WHERE id = $1', [pulled!.id]);
    expect(rows[0]!.status).toBe('cancelled');
    expect((await leave()).statusCode).toBe(200); // again: nothing more to do
    expect((await api.app.inject({ method: 'POST', url: '/api/queue-entry/leave' })).statusCode).toBe(401);
  });

  it('the waiting page follows the request: taken, then the video visit opens and its patient session is handed over once', async () => {
    const res = await enter({ token: await newLinkToken(), locationState: 'WA', reason: 'Earache', urgency: 'routine' });
    const sessionToken: string = res.json().sessionToken;
    const clinician = new TestSyncClient(api, clinicianToken);
    const request = queueChanges(await clinician.pullAll()).find((c) => c.data?.reason === 'Earache');
    expect(request).toBeDefined();
    const appointmentId = randomUUID();
    const [taken] = await clinician.push([clinician.mutation('queue.take', { requestId: request!.id, appointmentId }, request!.version)]);
    expect(taken!.status).toBe('applied');
    expect(await status(sessionToken)).toEqual({ status: 'taken', clinicianName: 'Dr. Test Clinician' });
    // Taken: leaving is refused (the visit is about to start) and changes nothing.
    const leave = await api.app.inject({ method: 'POST', url: '/api/queue-entry/leave', headers: { authorization: `Bearer ${sessionToken}` } });
    expect(leave.statusCode).toBe(409);
    expect(await status(sessionToken)).toMatchObject({ status: 'taken' });

    const started = await api.app.inject({ method: 'POST', url: '/api/visits', headers: bearer(clinicianToken), payload: { appointmentId } });
    expect(started.statusCode).toBe(201);
    const visitId: string = started.json().visit.id;
    const opened = await status(sessionToken);
    expect(opened).toMatchObject({ status: 'visit', visitId });
    const visitSession = opened.status === 'visit' ? opened.sessionToken : null;
    expect(visitSession).toMatch(/^hcv_/);
    const joined = await api.app.inject({ method: 'GET', url: '/api/join/visit', headers: { authorization: `Bearer ${visitSession}` } });
    expect(joined.statusCode).toBe(200);
    expect(joined.json()).toMatchObject({ visitId, clinicianName: 'Dr. Test Clinician' });
    // Handed over once; the clinician's own join link for the visit still works.
    expect(await status(sessionToken)).toEqual({ status: 'visit', visitId, sessionToken: null });
    const linkToken = (started.json().joinLink.path as string).slice('/join/'.length);
    expect((await api.app.inject({ method: 'POST', url: '/api/join/session', payload: { token: linkToken } })).statusCode).toBe(200);

    await api.app.inject({ method: 'POST', url: `/api/visits/${visitId}/end`, headers: bearer(clinicianToken) });
    expect(await status(sessionToken)).toEqual({ status: 'closed' });
  });
});

describeEachDriver('"See a clinician now" rate limit', (driver) => {
  let t: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    t = await openTestDatabase(driver);
    await seedTestClinic(t.db);
    app = await buildApp({
      db: t.db, tokenSecret: 'test-secret-that-is-long-enough-0123456789', logLevel: 'silent',
      rateLimits: { signInPerIp: { max: 100, windowSeconds: 60 }, signInPerAccount: { max: 100, windowSeconds: 60 }, joinPerIp: { max: 2, windowSeconds: 60 } },
    });
  });
  afterAll(async () => {
    await app.close();
    await t.dispose();
  });

  it('uses of links from one address are limited like join links (shared budget): 429 with Retry-After', async () => {
    const use = (ip: string) => app.inject({ method: 'POST', url: '/api/queue-entry', remoteAddress: ip, payload: { token: 'A'.repeat(43), locationState: 'WA', reason: 'Cough', urgency: 'routine' } });
    expect((await use('10.2.0.1')).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/api/join/session', remoteAddress: '10.2.0.1', payload: { token: 'A'.repeat(43) } })).statusCode).toBe(404);
    const limited = await use('10.2.0.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    expect((await use('10.2.0.2')).statusCode).toBe(404);
  });
});
