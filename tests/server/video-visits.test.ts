// Video visits: start (licensure, one-time expiring join links), patient sessions, and signaling authorization
// over /ws (members only, stale generations dropped, bad input refused with the socket still usable), on
// both drivers; and the relay across two server instances on one PostgreSQL.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { describeEachDriver, openTestDatabase } from './support/databases';
import type { TestDatabase } from './support/databases';
import { seedTestClinic } from './support/fixtures';
import type { TestClinic } from './support/fixtures';
import { bearer, buildTestApp, signIn } from './support/app';
import type { TestApp } from './support/app';
import { connectProbe, listenForWs } from './support/ws-probe';
import type { Probe } from './support/ws-probe';
import { openPostgres } from '../../server/db/postgres-driver';
import type { Database } from '../../server/db/database';
import { pruneVisitSignals } from '../../server/visits/visit-events';

async function startVisit(api: TestApp, token: string, appointmentId: string) {
  const res = await api.app.inject({ method: 'POST', url: '/api/visits', headers: bearer(token), payload: { appointmentId } });
  return res;
}

async function exchange(api: TestApp, path: string) {
  return api.app.inject({ method: 'POST', url: '/api/join/session', payload: { token: path.replace('/join/', '') } });
}

async function newVideoAppointment(db: Database, clinic: TestClinic): Promise<string> {
  const id = crypto.randomUUID();
  await db.query(`INSERT INTO appointments (id, patient_id, clinician_id, kind, status, starts_at, ends_at, reason, city_id)
                  VALUES ($1, $2, $3, 'video', 'booked', now(), now() + interval '30 minutes', 'Follow-up', 'seattle')`, [id, clinic.ownPatientId, clinic.users.clinician]);
  return id;
}

const offer = { type: 'offer', sdp: 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n' };

describeEachDriver('video visits', (driver) => {
  let t: TestDatabase;
  let clinic: TestClinic;
  let api: TestApp;
  let url: string;
  let clinicianToken: string;
  let otherToken: string;
  beforeAll(async () => {
    t = await openTestDatabase(driver);
    clinic = await seedTestClinic(t.db);
    api = await buildTestApp(t.db);
    url = await listenForWs(api);
    clinicianToken = (await signIn(api, clinic.emails.clinician)).accessToken;
    otherToken = (await signIn(api, clinic.emails.otherClinician)).accessToken;
  });
  afterAll(async () => {
    await api.app.close();
    await t.dispose();
  });

  it('refuses to start without a license where the patient is, with the reason, and audits the refusal', async () => {
    await t.db.query(`UPDATE patients SET location_state = 'OR' WHERE id = $1`, [clinic.ownPatientId]);
    try {
      const res = await startVisit(api, clinicianToken, clinic.ownAppointmentId);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toBe('You are not licensed in OR, where the patient is located.');
      const { rows } = await t.db.query<{ outcome: string; detail: { reason: string } }>(`SELECT outcome, detail FROM audit_log WHERE action = 'visit.start' ORDER BY id DESC LIMIT 1`);
      expect(rows[0]).toMatchObject({ outcome: 'denied', detail: { reason: 'no_license' } });
      const { rows: visits } = await t.db.query('SELECT id FROM visits');
      expect(visits).toEqual([]);
    } finally {
      await t.db.query(`UPDATE patients SET location_state = 'WA' WHERE id = $1`, [clinic.ownPatientId]);
    }
  });

  it('refuses appointments that are not the clinician\'s own video appointments', async () => {
    expect((await startVisit(api, otherToken, clinic.ownAppointmentId)).statusCode).toBe(404);
    expect((await startVisit(api, otherToken, clinic.otherAppointmentId)).statusCode).toBe(409); // a home visit
  });

  it('issues a one-time link that is stored hashed, exchanged once, and refused when reused or expired', async () => {
    const appointmentId = await newVideoAppointment(t.db, clinic);
    const started = await startVisit(api, clinicianToken, appointmentId);
    expect(started.statusCode).toBe(201);
    const { visit, joinLink } = started.json();
    expect(visit.status).toBe('waiting');
    const token = joinLink.path.replace('/join/', '');
    const { rows } = await t.db.query<{ token_hash: string }>('SELECT token_hash FROM visit_join_links WHERE visit_id = $1', [visit.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).not.toContain(token);

    const first = await exchange(api, joinLink.path);
    expect(first.statusCode).toBe(200);
    expect(first.json().visitId).toBe(visit.id);
    const reused = await exchange(api, joinLink.path);
    expect(reused.statusCode).toBe(410);
    expect(reused.json().error).toMatchObject({ code: 'link_used', message: expect.stringContaining('already been used') });

    const session = first.json().sessionToken as string;
    const view = await api.app.inject({ method: 'GET', url: '/api/join/visit', headers: { authorization: `Bearer ${session}` } });
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ visitId: visit.id, status: 'waiting', clinicianName: 'Dr. Test Clinician', iceServers: [] });
    expect(JSON.stringify(view.json())).not.toContain('Quimbleton');

    // Starting again returns the same open visit with a new link; the earlier unused link stops working.
    const again = (await startVisit(api, clinicianToken, appointmentId)).json();
    const third = (await startVisit(api, clinicianToken, appointmentId)).json();
    expect(third.visit.id).toBe(visit.id);
    expect((await exchange(api, again.joinLink.path)).json().error.code).toBe('link_expired');

    api.clock.advanceMinutes(61);
    try {
      const expired = await exchange(api, third.joinLink.path);
      expect(expired.statusCode).toBe(410);
      expect(expired.json().error.code).toBe('link_expired');
    } finally {
      api.clock.advanceMinutes(-61);
    }
    expect((await exchange(api, '/join/' + 'B'.repeat(43))).statusCode).toBe(404);
    expect((await api.app.inject({ method: 'POST', url: '/api/join/session', payload: { token: 'short' } })).statusCode).toBe(400);
  });

  it('tells "Start visit" whether the patient is in the visit now: not before they join, not after they leave', async () => {
    const appointmentId = await newVideoAppointment(t.db, clinic);
    const first = (await startVisit(api, clinicianToken, appointmentId)).json();
    expect(first.patientJoined).toBe(false);
    const session = (await exchange(api, first.joinLink.path)).json().sessionToken;
    const page = await connectProbe(url, { visit: session });
    await page.next('hello');
    expect((await startVisit(api, clinicianToken, appointmentId)).json().patientJoined).toBe(false); // connected, not joined
    page.send({ type: 'visit.join', visitId: first.visit.id });
    await page.next('visit.joined');
    await expect.poll(async () => (await startVisit(api, clinicianToken, appointmentId)).json().patientJoined, { timeout: 3_000 }).toBe(true);
    page.socket.close();
    await expect.poll(async () => (await startVisit(api, clinicianToken, appointmentId)).json().patientJoined, { timeout: 3_000 }).toBe(false);
    await api.app.inject({ method: 'POST', url: `/api/visits/${first.visit.id}/end`, headers: bearer(clinicianToken) });
  });

  it('prunes old relay rows but keeps an open visit\'s latest presence rows, so "Start visit" still knows the patient is there', async () => {
    const appointmentId = await newVideoAppointment(t.db, clinic);
    const started = (await startVisit(api, clinicianToken, appointmentId)).json();
    const visitId = started.visit.id;
    await exchange(api, started.joinLink.path);
    const old = new Date(Date.now() - 60 * 60_000);
    for (const [sender, kind, payload] of [
      ['patient', 'presence', { present: false, echo: false }], ['patient', 'presence', { present: true, echo: false }],
      ['patient', 'signal', offer], ['clinician', 'presence', { present: true, echo: false }],
    ] as const) {
      await t.db.query(`INSERT INTO visit_signals (visit_id, sender, kind, generation, payload, created_at) VALUES ($1, $2, $3, 1, $4, $5)`, [visitId, sender, kind, JSON.stringify(payload), old]);
    }
    await pruneVisitSignals(t.db, new Date(Date.now() - 10 * 60_000));
    const kept = await t.db.query<{ sender: string; kind: string; present: boolean }>(`SELECT sender, kind, (payload->>'present')::boolean AS present FROM visit_signals WHERE visit_id = $1 ORDER BY id`, [visitId]);
    expect(kept.rows).toEqual([{ sender: 'patient', kind: 'presence', present: true }, { sender: 'clinician', kind: 'presence', present: true }]);
    expect((await startVisit(api, clinicianToken, appointmentId)).json().patientJoined).toBe(true);
    // Once the visit has ended, nothing of it is kept.
    await api.app.inject({ method: 'POST', url: `/api/visits/${visitId}/end`, headers: bearer(clinicianToken) });
    await pruneVisitSignals(t.db, new Date(Date.now() + 60_000));
    expect((await t.db.query('SELECT 1 FROM visit_signals WHERE visit_id = $1', [visitId])).rows).toEqual([]);
  });

  describe('signaling', () => {
    let visitId: string;
    let patientSession: string;
    let clinician: Probe;
    let patient: Probe;
    let appointmentId: string;

    beforeAll(async () => {
      appointmentId = await newVideoAppointment(t.db, clinic);
      const started = (await startVisit(api, clinicianToken, appointmentId)).json();
      expect(started.patientJoined).toBe(false);
      visitId = started.visit.id;
      patientSession = (await exchange(api, started.joinLink.path)).json().sessionToken;
      clinician = await connectProbe(url, { bearer: clinicianToken });
      patient = await connectProbe(url, { visit: patientSession });
      await clinician.next('hello');
      expect(await patient.next('hello')).toEqual({ type: 'hello', userId: null });
    });
    afterAll(() => {
      clinician.socket.close();
      patient.socket.close();
    });

    it('refuses a visit-session token that is not valid before the upgrade', async () => {
      await expect(connectProbe(url, { visit: `hcv_${'C'.repeat(43)}` })).rejects.toMatchObject({ status: 401 });
    });

    it('lets the two members join, tells each about the other, and moves the visit to in progress', async () => {
      patient.send({ type: 'visit.join', visitId });
      expect(await patient.next('visit.joined')).toMatchObject({ visitId, as: 'patient', status: 'waiting', generation: 0 });
      clinician.send({ type: 'visit.join', visitId });
      expect(await clinician.next('visit.joined')).toMatchObject({ visitId, as: 'clinician' });
      expect(await patient.next('visit.presence')).toMatchObject({ member: 'clinician', present: true });
      expect(await clinician.next('visit.presence')).toMatchObject({ member: 'patient', present: true });
      expect(await patient.next('visit.status')).toMatchObject({ visitId, status: 'in_progress' });
      const visit = await api.app.inject({ method: 'GET', url: `/api/visits/${visitId}`, headers: bearer(clinicianToken) });
      expect(visit.json().visit.status).toBe('in_progress');
    });

    it('says at "Start visit" that the patient is in the waiting room once they joined, for the same visit', async () => {
      const again = await startVisit(api, clinicianToken, appointmentId);
      expect(again.statusCode).toBe(201);
      expect(again.json()).toMatchObject({ visit: { id: visitId }, patientJoined: true });
    });

    it('relays a burst of signals to the other member once each, in the order sent', async () => {
      const candidates = Array.from({ length: 20 }, (_, i) => ({ type: 'candidate', candidate: { candidate: `candidate:${i} 1 udp 2122260223 127.0.0.1 ${50000 + i} typ host`, sdpMLineIndex: 0, sdpMid: '0' } }));
      clinician.send({ type: 'visit.signal', visitId, generation: 1, signal: offer });
      for (const signal of candidates) clinician.send({ type: 'visit.signal', visitId, generation: 1, signal });
      const received = [];
      for (let i = 0; i < 21; i++) received.push((await patient.next('visit.signal')).signal);
      expect(received).toEqual([offer, ...candidates]);
      await new Promise((r) => setTimeout(r, 200));
      expect(patient.messages.filter((m) => m.type === 'visit.signal')).toEqual([]); // no second copy through the Bus
      expect(clinician.messages.filter((m) => m.type === 'visit.signal')).toEqual([]);
    });

    it('relays signals only to the other member, with their generation', async () => {
      clinician.send({ type: 'visit.signal', visitId, generation: 1, signal: offer });
      expect(await patient.next('visit.signal')).toEqual({ type: 'visit.signal', visitId, from: 'clinician', generation: 1, signal: offer });
      const answer = { type: 'answer', sdp: 'v=0\r\n' };
      patient.send({ type: 'visit.signal', visitId, generation: 1, signal: answer });
      expect(await clinician.next('visit.signal')).toMatchObject({ from: 'patient', generation: 1, signal: answer });
      await new Promise((r) => setTimeout(r, 100));
      expect(clinician.messages.filter((m) => m.type === 'visit.signal')).toEqual([]);
    });

    it('drops signals of an older generation and tells the sender', async () => {
      clinician.send({ type: 'visit.signal', visitId, generation: 3, signal: offer });
      expect(await patient.next('visit.signal')).toMatchObject({ generation: 3 });
      patient.send({ type: 'visit.signal', visitId, generation: 2, signal: { type: 'answer', sdp: 'old' } });
      expect(await patient.next('error')).toMatchObject({ code: 'stale_generation', visitId });
      await new Promise((r) => setTimeout(r, 150));
      expect(clinician.messages.filter((m) => m.type === 'visit.signal')).toEqual([]);
    });

    it('refuses a staff member who is not in the visit, audits and logs it, and keeps their connection usable', async () => {
      const outsider = await connectProbe(url, { bearer: otherToken });
      await outsider.next('hello');
      outsider.send({ type: 'visit.join', visitId });
      expect(await outsider.next('error')).toMatchObject({ code: 'not_member', visitId });
      outsider.send({ type: 'visit.signal', visitId, generation: 9, signal: offer });
      expect(await outsider.next('error')).toMatchObject({ code: 'not_member' });
      outsider.send({ type: 'ping', id: 1 });
      expect(await outsider.next('pong')).toEqual({ type: 'pong', id: 1 });
      const { rows } = await t.db.query<{ outcome: string; user_id: string }>(`SELECT outcome, user_id FROM audit_log WHERE action IN ('visit.call.join', 'visit.signal') AND outcome = 'denied'`);
      expect(rows.map((r) => r.user_id)).toEqual([clinic.users.otherClinician, clinic.users.otherClinician]);
      await new Promise((r) => setTimeout(r, 150));
      expect(patient.messages.filter((m) => m.type === 'visit.signal')).toEqual([]);
      outsider.socket.close();
    });

    it('refuses a patient session for another visit, and a signal before joining', async () => {
      const otherAppointment = await newVideoAppointment(t.db, clinic);
      const other = (await startVisit(api, clinicianToken, otherAppointment)).json();
      patient.send({ type: 'visit.join', visitId: other.visit.id });
      expect(await patient.next('error')).toMatchObject({ code: 'not_member', visitId: other.visit.id });
      const session2 = (await exchange(api, other.joinLink.path)).json().sessionToken;
      const second = await connectProbe(url, { visit: session2 });
      second.send({ type: 'visit.signal', visitId: other.visit.id, generation: 1, signal: offer });
      expect(await second.next('error')).toMatchObject({ code: 'not_joined' });
      second.socket.close();
    });

    it('refuses unknown, malformed and oversized messages while the connection stays usable', async () => {
      patient.send({ type: 'visit.teleport', visitId });
      expect(await patient.next('error')).toMatchObject({ code: 'unknown_type' });
      patient.send({ type: 'visit.signal', visitId, generation: 0, signal: offer });
      expect(await patient.next('error')).toMatchObject({ code: 'bad_message' });
      patient.send({ type: 'visit.signal', visitId, generation: 4, signal: { type: 'offer', sdp: 'x'.repeat(70 * 1024) } });
      expect(await patient.next('error')).toMatchObject({ code: 'too_large' });
      patient.send({ type: 'ping', id: 5 });
      expect(await patient.next('pong')).toEqual({ type: 'pong', id: 5 });
    });

    it('tells the other member when one leaves; only the clinician ends the visit, which ends the patient session', async () => {
      patient.socket.close();
      expect(await clinician.next('visit.presence', 4000, (m) => m.present === false)).toMatchObject({ member: 'patient', present: false });
      const still = await api.app.inject({ method: 'GET', url: `/api/visits/${visitId}`, headers: bearer(clinicianToken) });
      expect(still.json().visit.status).toBe('in_progress'); // a dropped call does not end the visit
      patient = await connectProbe(url, { visit: patientSession });
      patient.send({ type: 'visit.join', visitId });
      expect(await patient.next('visit.joined')).toMatchObject({ as: 'patient', status: 'in_progress', generation: 3 });

      const ended = await api.app.inject({ method: 'POST', url: `/api/visits/${visitId}/end`, headers: bearer(clinicianToken) });
      expect(ended.json().visit.status).toBe('ended');
      expect(await patient.next('visit.status', 4000, (m) => m.status === 'ended')).toMatchObject({ status: 'ended' });
      expect((await api.app.inject({ method: 'GET', url: '/api/join/visit', headers: { authorization: `Bearer ${patientSession}` } })).statusCode).toBe(401);
      await expect(connectProbe(url, { visit: patientSession })).rejects.toMatchObject({ status: 401 });
    });
  });
});

describe.skipIf(!inject('pgUrl'))('video signaling across two server instances on one PostgreSQL', () => {
  let t: TestDatabase;
  let clinic: TestClinic;
  let a: TestApp;
  let b: TestApp;
  let secondPool: Awaited<ReturnType<typeof openPostgres>>;
  beforeAll(async () => {
    t = await openTestDatabase('postgres');
    clinic = await seedTestClinic(t.db);
    a = await buildTestApp(t.db);
    secondPool = await openPostgres({ connectionString: t.url! });
    b = await buildTestApp(secondPool);
  });
  afterAll(async () => {
    await a.app.close();
    await b.app.close();
    await secondPool.close();
    await t.dispose();
  });

  it('relays presence and signals between a clinician on instance A and the patient on instance B', async () => {
    const urlA = await listenForWs(a);
    const urlB = await listenForWs(b);
    const clinicianToken = (await signIn(a, clinic.emails.clinician)).accessToken;
    const started = (await startVisit(a, clinicianToken, clinic.ownAppointmentId)).json();
    const session = (await exchange(b, started.joinLink.path)).json().sessionToken;
    const clinician = await connectProbe(urlA, { bearer: clinicianToken });
    const patient = await connectProbe(urlB, { visit: session });
    clinician.send({ type: 'visit.join', visitId: started.visit.id });
    await clinician.next('visit.joined');
    patient.send({ type: 'visit.join', visitId: started.visit.id });
    await patient.next('visit.joined');
    expect(await clinician.next('visit.presence', 5000)).toMatchObject({ member: 'patient', present: true });
    expect(await patient.next('visit.presence', 5000)).toMatchObject({ member: 'clinician', present: true });
    clinician.send({ type: 'visit.signal', visitId: started.visit.id, generation: 1, signal: offer });
    expect(await patient.next('visit.signal', 5000)).toMatchObject({ from: 'clinician', generation: 1, signal: offer });
    const candidate = { type: 'candidate', candidate: { candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host', sdpMLineIndex: 0, sdpMid: '0' } };
    patient.send({ type: 'visit.signal', visitId: started.visit.id, generation: 1, signal: candidate });
    expect(await clinician.next('visit.signal', 5000)).toMatchObject({ from: 'patient', generation: 1, signal: candidate });
    clinician.socket.close();
    patient.socket.close();
  });
});
