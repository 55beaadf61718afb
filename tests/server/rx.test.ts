// Prescribing and deliveries on the server, on PGlite and PostgreSQL: signing re-checked by the safety rules
// (rejections name kinds, never drugs or patients), overrides recorded, controlled substances online with
// TOTP, bad input refused with nothing changed, sign/cancel/supersede history, the delivery state machine
// through failure (inbox task) and redelivery, compare-and-set assignment, and couriers limited to their own.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDriver, openTestDatabase } from './support/databases';
import type { TestDatabase } from './support/databases';
import { seedTestClinic, TEST_PASSWORD } from './support/fixtures';
import type { TestClinic } from './support/fixtures';
import { bearer, buildTestApp, signIn } from './support/app';
import type { TestApp } from './support/app';
import { TestSyncClient } from './support/sync-client';
import { hashPassword } from '../../server/auth/passwords';
import { totpCodeAt } from '../../server/auth/totp';
import { updateDeliveryStatus } from '../../server/rx/delivery-service';
import { instantAt } from '../../shared/rules/time-zones';
import { deliveryStatusMessage } from '../../shared/rules/delivery-status';
import { deliveryWindow } from '../../shared/rules/dispatch/delivery-run';

const CLINICIAN_TOTP = 'JBSWY3DPEHPK3PXPRXTESTCLINICIAN2';

const order = (rxcui: string, extra: Record<string, unknown> = {}) => ({
  rxcui, sig: { dose: '1 tablet', route: 'oral', frequency: 'twice daily', durationDays: 10 }, quantity: 20, quantityUnit: 'tablet',
  refills: 0, daysSupply: 10, substitutionAllowed: true, pharmacyNote: '', ...extra,
});

describeEachDriver('prescriptions and deliveries', (driver) => {
  let t: TestDatabase;
  let clinic: TestClinic;
  let api: TestApp;
  let clinician: TestSyncClient;
  let board: TestSyncClient;
  let clinicianToken: string;
  let dispatcherToken: string;
  let courierToken: string;
  let otherCourierToken: string;
  beforeAll(async () => {
    t = await openTestDatabase(driver);
    clinic = await seedTestClinic(t.db);
    api = await buildTestApp(t.db);
    await t.db.query(`INSERT INTO users (id, email, display_name, role, credential, password_hash) VALUES ($1, 'courier2@test.housecall.test', 'Second Courier', 'courier', 'courier', $2)`,
      [randomUUID(), await hashPassword(TEST_PASSWORD)]);
    clinicianToken = (await signIn(api, clinic.emails.clinician)).accessToken;
    dispatcherToken = (await signIn(api, clinic.emails.dispatcher)).accessToken;
    courierToken = (await signIn(api, clinic.emails.courier)).accessToken;
    otherCourierToken = (await signIn(api, 'courier2@test.housecall.test')).accessToken;
    clinician = new TestSyncClient(api, clinicianToken);
    board = new TestSyncClient(api, dispatcherToken);
  });
  afterAll(async () => {
    await api.app.close();
    await t.dispose();
  });

  const count = async (sql: string, params: unknown[] = []) => (await t.db.query<{ n: number }>(sql, params)).rows[0]!.n;
  const sign = async (rxcui: string, extra: { overrides?: unknown[]; supersedesId?: string | null; order?: Record<string, unknown> } = {}) => {
    const prescriptionId = randomUUID();
    const [result] = await clinician.push([clinician.mutation('rx.sign', {
      prescriptionId, patientId: clinic.ownPatientId, appointmentId: clinic.ownAppointmentId, order: order(rxcui, extra.order),
      overrides: extra.overrides ?? [], supersedesId: extra.supersedesId ?? null,
    })]);
    return { prescriptionId, result: result! };
  };
  /** Earlier tests leave active prescriptions that would be duplicates of the next one: close them. */
  const closeActive = () => t.db.query(`UPDATE prescriptions SET status = 'cancelled', version = version + 1 WHERE status = 'active'`);
  const post = (token: string, url: string, payload: object) => api.app.inject({ method: 'POST', url, headers: bearer(token), payload });
  /** The board run of a prescription's delivery. */
  const runOf = async (prescriptionId: string) => (await t.db.query<{ id: string; status: string; version: number; assignee_id: string | null; dispatch_date: string; window_start: Date; window_end: Date; skills: string[]; kind: string }>(
    `SELECT f.id, f.status, f.version, f.assignee_id, f.dispatch_date::text AS dispatch_date, f.window_start, f.window_end, f.skills, f.kind
       FROM field_requests f JOIN deliveries d ON d.id = f.delivery_id WHERE d.prescription_id = $1`, [prescriptionId])).rows[0];
  /** Puts the courier on shift (with the delivery skill) on the run's day and assigns the run on the board. */
  const assignOnBoard = async (prescriptionId: string, courierId: string | null, baseVersion?: number) => {
    const run = (await runOf(prescriptionId))!;
    if (courierId) {
      await t.db.query(`INSERT INTO staff_skills (user_id, skill) VALUES ($1, 'delivery') ON CONFLICT DO NOTHING`, [courierId]);
      await t.db.query(`INSERT INTO staff_shifts (id, user_id, city_id, shift_date, starts_at, ends_at, start_latitude, start_longitude)
        SELECT $1, $2, 'seattle', $3::date, $4, $5, 47.6062, -122.3321 WHERE NOT EXISTS (SELECT 1 FROM staff_shifts WHERE user_id = $2 AND shift_date = $3::date)`,
      [randomUUID(), courierId, run.dispatch_date, instantAt(run.dispatch_date, '08:00', 'America/Los_Angeles'), instantAt(run.dispatch_date, '18:00', 'America/Los_Angeles')]);
    }
    const [result] = await board.push([board.mutation('fieldRequest.assign', { requestId: run.id, assigneeId: courierId, acceptWarnings: true }, baseVersion ?? run.version)]);
    return result!;
  };
  const systemMessages = async () => (await t.db.query<{ body: string }>(
    `SELECT body FROM messages WHERE conversation_id = $1 AND sender_kind = 'system' ORDER BY seq`, [clinic.ownPatientId])).rows.map((r) => r.body);
  const deliveryOf = async (prescriptionId: string) =>
    (await t.db.query<{ id: string; status: string; version: number; attempt: number }>('SELECT id, status, version, attempt FROM deliveries WHERE prescription_id = $1', [prescriptionId])).rows[0]!;

  describe('signing', () => {
    it('signs a prescription, records the event and starts a delivery the prescriber pulls', async () => {
      const { prescriptionId, result } = await sign('197361'); // amlodipine: no findings
      expect(result).toMatchObject({ status: 'applied', state: { entity: 'prescription', data: { status: 'active', drugName: 'Amlodipine 5 MG Oral Tablet', delivery: { status: 'pharmacy_fill' } } } });
      expect(await count(`SELECT count(*)::int AS n FROM prescription_events WHERE prescription_id = $1 AND kind = 'signed'`, [prescriptionId])).toBe(1);
      const changes = await clinician.pullAll();
      expect(changes.some((c) => c.entity === 'prescription' && c.id === prescriptionId)).toBe(true);
      const { rows } = await t.db.query<{ content_hash: string }>('SELECT content_hash FROM prescriptions WHERE id = $1', [prescriptionId]);
      expect(rows[0]!.content_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'sync.rx.sign' AND resource_id = $1`, [prescriptionId])).toBe(1);
    });

    it('refuses an allergy hard stop with a reason that names no drug or patient, and writes nothing', async () => {
      const before = await count('SELECT count(*)::int AS n FROM prescriptions');
      const { result } = await sign('308192', { overrides: [{ key: 'allergy:0:penicillin', reason: 'Patient says it is fine' }] }); // penicillin allergy on file
      expect(result).toMatchObject({ status: 'rejected', reason: 'rule_violation', message: 'The safety checks do not allow signing: 1 hard stop (allergy).' });
      expect(JSON.stringify(result)).not.toMatch(/amoxicillin|Zelphira|Quimbleton/i);
      expect(await count('SELECT count(*)::int AS n FROM prescriptions')).toBe(before);
    });

    it('requires a reason for each warning and records it with the prescription', async () => {
      await t.db.query(`INSERT INTO patient_medications (id, patient_id, rxnorm_code, name, status) VALUES ($1, $2, '312961', 'Simvastatin 20 MG Oral Tablet', 'active')`, [randomUUID(), clinic.ownPatientId]);
      const refused = await sign('197517'); // clarithromycin + simvastatin: ONC pair 25
      expect(refused.result).toMatchObject({ status: 'rejected', message: expect.stringMatching(/1 warning without an override reason \(interaction\)/) });
      const ok = await sign('197517', { overrides: [{ key: 'interaction:25:312961', reason: 'Simvastatin paused for the course' }] });
      expect(ok.result.status).toBe('applied');
      const { rows } = await t.db.query<{ overrides: Array<{ key: string; reason: string; kind: string }> }>('SELECT overrides FROM prescriptions WHERE id = $1', [ok.prescriptionId]);
      expect(rows[0]!.overrides).toEqual([expect.objectContaining({ key: 'interaction:25:312961', reason: 'Simvastatin paused for the course', kind: 'interaction' })]);
      await t.db.query(`UPDATE patient_medications SET status = 'stopped' WHERE patient_id = $1`, [clinic.ownPatientId]);
    });

    it('refuses to prescribe where the prescriber is not licensed', async () => {
      await t.db.query(`UPDATE patients SET location_state = 'OR' WHERE id = $1`, [clinic.ownPatientId]);
      const { result } = await sign('197361');
      await t.db.query(`UPDATE patients SET location_state = 'WA' WHERE id = $1`, [clinic.ownPatientId]);
      expect(result).toMatchObject({ status: 'rejected', reason: 'rule_violation', message: expect.stringMatching(/hard stop \(licensure\)/) });
    });

    it.each([
      ['quantity zero', order('197361', { quantity: 0 })],
      ['an absurd quantity', order('197361', { quantity: 100000 })],
      ['a missing sig part', order('197361', { sig: { dose: '', route: 'oral', frequency: 'daily', durationDays: 10 } })],
      ['refills out of range', order('197361', { refills: 40 })],
    ])('refuses %s as invalid args', async (_l, bad) => {
      const before = await count('SELECT count(*)::int AS n FROM prescriptions');
      const [result] = await clinician.push([clinician.mutation('rx.sign', { prescriptionId: randomUUID(), patientId: clinic.ownPatientId, appointmentId: null, order: bad, overrides: [], supersedesId: null })]);
      expect(result).toMatchObject({ status: 'rejected', reason: 'invalid_args' });
      expect(await count('SELECT count(*)::int AS n FROM prescriptions')).toBe(before);
    });

    it('refuses an unknown drug code', async () => {
      const { result } = await sign('9999999');
      expect(result).toMatchObject({ status: 'rejected', reason: 'invalid_args', message: 'RxNorm code 9999999 is not in the formulary.' });
    });

    it('refuses a controlled substance through the outbox (it needs the second factor online)', async () => {
      const { result } = await sign('308047'); // alprazolam, schedule IV
      expect(result).toMatchObject({ status: 'rejected', message: expect.stringMatching(/hard stops? \(controlled\)/) });
    });
  });

  describe('controlled substances online with TOTP', () => {
    const body = (rxcui: string, code: string, extra: Record<string, unknown> = {}) => ({
      prescriptionId: randomUUID(), patientId: clinic.ownPatientId, appointmentId: null, overrides: [], supersedesId: null, totpCode: code, order: order(rxcui, extra),
    });
    const codeNow = () => {
      api.clock.advanceMinutes(0.5);
      return totpCodeAt(CLINICIAN_TOTP, api.clock.now.getTime());
    };

    it('refuses a prescriber without an authenticator, then without a DEA registration', async () => {
      const noTotp = await post(clinicianToken, '/api/rx/sign-controlled', body('308047', '123456'));
      expect(noTotp.statusCode).toBe(400);
      expect(noTotp.json().error.message).toMatch(/Set up an authenticator/);
      await t.db.query(`UPDATE users SET totp_secret = $2, totp_enabled = true WHERE id = $1`, [clinic.users.clinician, CLINICIAN_TOTP]);
      const noDea = await post(clinicianToken, '/api/rx/sign-controlled', body('308047', codeNow()));
      expect(noDea.statusCode).toBe(400);
      expect(noDea.json().error.message).toMatch(/hard stop \(controlled\)/);
    });

    it('signs with a DEA registration and a correct code, never twice with one code, and refuses refills on schedule II', async () => {
      await t.db.query(`INSERT INTO prescriber_dea (user_id, dea_number, expires_on) VALUES ($1, 'BT1234563', '2030-12-31')`, [clinic.users.clinician]);
      const wrong = await post(clinicianToken, '/api/rx/sign-controlled', body('308047', '000000'));
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.message).toMatch(/authenticator code is not correct/);
      const code = codeNow();
      const ok = await post(clinicianToken, '/api/rx/sign-controlled', body('308047', code));
      expect(ok.statusCode).toBe(200);
      expect(ok.json().prescription).toMatchObject({ entity: 'prescription', data: { schedule: 'IV', status: 'active' } });
      const replay = await post(clinicianToken, '/api/rx/sign-controlled', body('308047', code));
      expect(replay.statusCode).toBe(400);
      const refills = await post(clinicianToken, '/api/rx/sign-controlled', body('1049589', codeNow(), { refills: 2 }));
      expect(refills.statusCode).toBe(400);
      expect(refills.json().error.message).toMatch(/hard stop \(order\)/);
      const { rows } = await t.db.query<{ second_factor: boolean }>('SELECT second_factor FROM prescriptions WHERE id = $1', [ok.json().prescription.id]);
      expect(rows[0]!.second_factor).toBe(true);
    });
  });

  describe('cancel and supersede', () => {
    it('keeps the history: a change supersedes (new prescription), a cancel is an event, content never changes', async () => {
      await closeActive();
      const first = await sign('197361');
      const second = await sign('308135', { supersedesId: first.prescriptionId, overrides: [] });
      expect(second.result.status).toBe('applied');
      const old = await t.db.query<{ status: string }>('SELECT status FROM prescriptions WHERE id = $1', [first.prescriptionId]);
      expect(old.rows[0]!.status).toBe('superseded');
      expect((await deliveryOf(first.prescriptionId)).status).toBe('cancelled');
      const again = await sign('308136', { supersedesId: first.prescriptionId });
      expect(again.result).toMatchObject({ status: 'rejected', message: expect.stringMatching(/superseded; only an active one/) });

      const [cancelled] = await clinician.push([clinician.mutation('rx.cancel', { prescriptionId: second.prescriptionId, reason: 'Patient prefers to wait' })]);
      expect(cancelled).toMatchObject({ status: 'applied', state: { data: { status: 'cancelled', cancelReason: 'Patient prefers to wait', supersedesId: first.prescriptionId } } });
      const [twice] = await clinician.push([clinician.mutation('rx.cancel', { prescriptionId: second.prescriptionId, reason: 'again' })]);
      expect(twice).toMatchObject({ status: 'rejected', reason: 'rule_violation' });
      const events = await t.db.query<{ prescription_id: string; kind: string }>(
        'SELECT prescription_id, kind FROM prescription_events WHERE prescription_id = ANY($1::uuid[]) ORDER BY id', [[first.prescriptionId, second.prescriptionId]]);
      expect(events.rows.map((e) => `${e.prescription_id === first.prescriptionId ? 'first' : 'second'}:${e.kind}`)).toEqual(['first:signed', 'second:signed', 'first:superseded', 'second:cancelled']);
      await expect(t.db.query(`UPDATE prescriptions SET rx_order = '{}' WHERE id = $1`, [first.prescriptionId])).rejects.toThrow(/immutable/);
    });
  });

  describe('delivery to the door', () => {
    it('outside the service cities (no board run): fill, list assignment, pickup, a failed attempt (inbox task), redelivery and delivery with proof', async () => {
      await closeActive();
      await t.db.query('UPDATE patients SET city_id = NULL WHERE id = $1', [clinic.ownPatientId]);
      const { prescriptionId } = await sign('197361');
      await t.db.query(`UPDATE patients SET city_id = 'seattle' WHERE id = $1`, [clinic.ownPatientId]);
      let d = await deliveryOf(prescriptionId);
      expect(await count('SELECT count(*)::int AS n FROM field_requests WHERE delivery_id = $1', [d.id])).toBe(0);
      const list = await api.app.inject({ method: 'GET', url: '/api/deliveries', headers: bearer(dispatcherToken) });
      expect(list.json().deliveries.find((x: { id: string }) => x.id === d.id)).toMatchObject({ board: null });

      const couriers = (await api.app.inject({ method: 'GET', url: '/api/couriers', headers: bearer(dispatcherToken) })).json().couriers;
      expect(couriers.map((c: { displayName: string }) => c.displayName)).toEqual(['Second Courier', 'Test Courier']);
      const assigned = await post(dispatcherToken, `/api/deliveries/${d.id}/assign`, { courierId: clinic.users.courier, version: d.version });
      expect(assigned.json().delivery).toMatchObject({ courierName: 'Test Courier' });
      const stale = await post(dispatcherToken, `/api/deliveries/${d.id}/assign`, { courierId: clinic.users.courier, version: d.version });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.message).toMatch(/now assigned to Test Courier/);

      const step = async (token: string, payload: object) => {
        d = await deliveryOf(prescriptionId);
        return post(token, `/api/deliveries/${d.id}/status`, { version: d.version, ...payload });
      };
      expect((await step(courierToken, { status: 'ready_for_pickup' })).json().error.message).toMatch(/Only a dispatcher/);
      expect((await step(dispatcherToken, { status: 'ready_for_pickup' })).statusCode).toBe(200);
      const skip = await step(courierToken, { status: 'delivered', proof: { recipientName: 'A', deliveredAt: new Date().toISOString(), photoRef: 'p1', signatureRef: null } });
      expect(skip.statusCode).toBe(400);
      expect(skip.json().error.message).toMatch(/cannot skip from ready for pickup to delivered/);
      expect((await deliveryOf(prescriptionId)).status).toBe('ready_for_pickup');
      const notMine = await step(otherCourierToken, { status: 'picked_up' });
      expect(notMine.statusCode).toBe(403);
      expect(notMine.json().error.message).toBe('This delivery is not assigned to you.');
      expect((await deliveryOf(prescriptionId)).status).toBe('ready_for_pickup');
      expect((await api.app.inject({ method: 'GET', url: '/api/deliveries', headers: bearer(otherCourierToken) })).json().deliveries).toEqual([]);

      expect((await step(courierToken, { status: 'picked_up' })).statusCode).toBe(200);
      expect((await step(courierToken, { status: 'ready_for_pickup' })).json().error.message).toMatch(/cannot go back from picked up/);
      expect((await step(dispatcherToken, { status: 'ready_for_pickup' })).json().error.message).toMatch(/cannot go back/);
      expect((await step(courierToken, { status: 'out_for_delivery' })).statusCode).toBe(400); // no ETA
      const eta = new Date(Date.now() + 3600_000).toISOString();
      expect((await step(courierToken, { status: 'out_for_delivery', eta })).statusCode).toBe(200);
      expect((await step(courierToken, { status: 'failed', reason: 'on_holiday' })).statusCode).toBe(400);
      expect((await step(courierToken, { status: 'failed', reason: 'not_home' })).statusCode).toBe(200);
      const tasks = await t.db.query<{ user_id: string; status: string }>(`SELECT user_id, status FROM inbox_tasks WHERE prescription_id = $1`, [prescriptionId]);
      expect(tasks.rows).toEqual([{ user_id: clinic.users.clinician, status: 'open' }]);
      const pulled = await clinician.pullAll();
      const task = pulled.find((c) => c.entity === 'task');
      expect(task?.data).toMatchObject({ kind: 'delivery_failed', title: 'Delivery failed (not home): Amlodipine 5 MG Oral Tablet', status: 'open' });

      expect((await step(courierToken, { status: 'out_for_delivery', eta })).statusCode).toBe(200);
      expect((await deliveryOf(prescriptionId)).attempt).toBe(2);
      const noProof = await step(courierToken, { status: 'delivered', proof: { recipientName: 'Pat', deliveredAt: new Date().toISOString(), photoRef: null, signatureRef: null } });
      expect(noProof.statusCode).toBe(400);
      const delivered = await step(courierToken, { status: 'delivered', proof: { recipientName: 'Pat Q', deliveredAt: new Date().toISOString(), photoRef: null, signatureRef: 'sig-123' } });
      expect(delivered.json().delivery).toMatchObject({ status: 'delivered', recipientName: 'Pat Q', attempt: 2 });
      expect((await step(courierToken, { status: 'failed', reason: 'refused' })).json().error.message).toMatch(/can no longer change/);

      const rx = (await clinician.pullAll()).filter((c) => c.entity === 'prescription' && c.id === prescriptionId).at(-1);
      expect(rx?.data).toMatchObject({ delivery: { status: 'delivered', recipientName: 'Pat Q' } });
      const path = await t.db.query<{ to_status: string }>('SELECT to_status FROM delivery_events WHERE delivery_id = $1 ORDER BY id', [d.id]);
      expect(path.rows.map((r) => r.to_status)).toEqual(['pharmacy_fill', 'pharmacy_fill', 'ready_for_pickup', 'picked_up', 'out_for_delivery', 'failed', 'out_for_delivery', 'delivered']);
      expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'delivery.status' AND resource_id = $1`, [d.id])).toBe(6);
      expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'delivery.list' AND patient_id = $1`, [clinic.ownPatientId])).toBeGreaterThan(0);
    });

    it('returns a failed delivery to the pharmacy and schedules it again', async () => {
      await closeActive();
      const { prescriptionId } = await sign('197361');
      const go = async (token: string, payload: object) => {
        const d = await deliveryOf(prescriptionId);
        const res = await post(token, `/api/deliveries/${d.id}/status`, { version: d.version, ...payload });
        expect(res.statusCode, JSON.stringify(res.json())).toBe(200);
      };
      expect((await assignOnBoard(prescriptionId, clinic.users.courier)).status).toBe('applied');
      await go(dispatcherToken, { status: 'ready_for_pickup' });
      await go(courierToken, { status: 'picked_up' });
      await go(courierToken, { status: 'out_for_delivery', eta: new Date(Date.now() + 3600_000).toISOString() });
      await go(courierToken, { status: 'failed', reason: 'wrong_address' });
      await go(courierToken, { status: 'returned' });
      await go(dispatcherToken, { status: 'ready_for_pickup' });
      expect(await deliveryOf(prescriptionId)).toMatchObject({ status: 'ready_for_pickup', attempt: 2 });
    });
  });
  describe('on the dispatch board, with status messages in the patient\'s chat', () => {
    const eta = () => new Date(Date.now() + 3600_000).toISOString();
    const step = async (token: string, prescriptionId: string, payload: object) => {
      const d = await deliveryOf(prescriptionId);
      return post(token, `/api/deliveries/${d.id}/status`, { version: d.version, ...payload });
    };

    it('a signed delivery is a courier run on the board; the board assigns its courier (compare-and-set), the list refuses to', async () => {
      await closeActive();
      const signedAt = Date.now();
      const { prescriptionId } = await sign('197361');
      const run = (await runOf(prescriptionId))!;
      expect(run).toMatchObject({ kind: 'delivery', status: 'unassigned', assignee_id: null, skills: ['delivery'] });
      const expected = deliveryWindow(new Date(signedAt), 'America/Los_Angeles');
      expect(Math.abs(run.window_end.getTime() - Date.parse(expected.windowEnd))).toBeLessThan(24 * 3600_000);
      expect(run.window_end.getTime() - run.window_start.getTime()).toBeGreaterThanOrEqual(2 * 3600_000);
      const d = await deliveryOf(prescriptionId);
      const listed = (await api.app.inject({ method: 'GET', url: '/api/deliveries', headers: bearer(dispatcherToken) })).json().deliveries.find((x: { id: string }) => x.id === d.id);
      expect(listed.board).toEqual({ requestId: run.id, cityId: 'seattle', date: run.dispatch_date });

      const viaList = await post(dispatcherToken, `/api/deliveries/${d.id}/assign`, { courierId: clinic.users.courier, version: d.version });
      expect(viaList.statusCode).toBe(409);
      expect(viaList.json().error.message).toBe('This delivery is on the dispatch board; assign its courier there.');
      expect(await deliveryOf(prescriptionId)).toMatchObject({ version: d.version });

      expect(await assignOnBoard(prescriptionId, clinic.users.courier)).toMatchObject({ status: 'applied', state: { data: { assigneeName: 'Test Courier', status: 'assigned' } } });
      const { rows } = await t.db.query<{ courier_id: string; version: number }>('SELECT courier_id, version FROM deliveries WHERE id = $1', [d.id]);
      expect(rows[0]).toEqual({ courier_id: clinic.users.courier, version: d.version + 1 });
      const stale = await assignOnBoard(prescriptionId, null, run.version);
      expect(stale).toMatchObject({ status: 'rejected', reason: 'stale_version' });
      expect(stale.status === 'rejected' && stale.message).toMatch(/assigned to Test Courier/);
      const rx = (await clinician.pullAll()).filter((c) => c.entity === 'prescription' && c.id === prescriptionId).at(-1);
      expect(rx).toBeDefined();
      // The courier sees it as theirs; the other courier does not.
      expect((await api.app.inject({ method: 'GET', url: '/api/deliveries', headers: bearer(courierToken) })).json().deliveries.map((x: { id: string }) => x.id)).toContain(d.id);
      expect((await api.app.inject({ method: 'GET', url: '/api/deliveries', headers: bearer(otherCourierToken) })).json().deliveries).toEqual([]);
      // Couriers pull their own delivery runs (no charts); another courier pulls none of its data.
      const courierPull = await new TestSyncClient(api, courierToken).pullAll();
      expect(courierPull.find((c) => c.entity === 'fieldRequest' && c.id === run.id && !c.deleted)?.data).toMatchObject({ assigneeId: clinic.users.courier, kind: 'delivery' });
      expect(courierPull.some((c) => c.entity === 'patient' || c.entity === 'prescription' || c.entity === 'message')).toBe(false);
      const otherPull = await new TestSyncClient(api, otherCourierToken).pullAll();
      expect(otherPull.filter((c) => c.entity === 'fieldRequest' && c.data !== null)).toEqual([]);
      const live = new TestSyncClient(api, otherCourierToken);
      await live.pullAll();
      await assignOnBoard(prescriptionId, null);
      expect((await live.pullAll()).filter((c) => c.entity === 'fieldRequest' && c.id === run.id)).toEqual([expect.objectContaining({ deleted: true, data: null })]);
      expect((await assignOnBoard(prescriptionId, clinic.users.courier)).status).toBe('applied');
      // A courier cannot report a delivery run's progress on the board directly.
      const courierSync = new TestSyncClient(api, courierToken);
      const [direct] = await courierSync.push([courierSync.mutation('fieldRequest.setStatus', { requestId: run.id, status: 'en_route' })]);
      expect(direct).toMatchObject({ status: 'rejected', reason: 'rule_violation' });
    });

    it('courier steps move the run (en route, back to assigned on failure, completed) and post each message exactly once', async () => {
      await closeActive();
      const { prescriptionId } = await sign('197361');
      expect((await assignOnBoard(prescriptionId, clinic.users.courier)).status).toBe('applied');
      const before = (await systemMessages()).length;
      const newMessages = async () => (await systemMessages()).slice(before);
      expect((await step(dispatcherToken, prescriptionId, { status: 'ready_for_pickup' })).statusCode).toBe(200);
      expect(await newMessages()).toEqual([]);
      expect((await step(courierToken, prescriptionId, { status: 'picked_up' })).statusCode).toBe(200);
      expect((await runOf(prescriptionId))!.status).toBe('en_route');
      expect(await newMessages()).toEqual([deliveryStatusMessage('picked_up')]);
      // Refused changes post nothing: a repeat, a stale version, another courier.
      expect((await step(courierToken, prescriptionId, { status: 'picked_up' })).statusCode).toBe(400);
      const d = await deliveryOf(prescriptionId);
      expect((await post(courierToken, `/api/deliveries/${d.id}/status`, { version: d.version - 1, status: 'out_for_delivery', eta: eta() })).statusCode).toBe(409);
      expect((await step(otherCourierToken, prescriptionId, { status: 'out_for_delivery', eta: eta() })).statusCode).toBe(403);
      expect(await newMessages()).toHaveLength(1);
      // Once picked up, the board cannot take it off the courier.
      expect(await assignOnBoard(prescriptionId, null)).toMatchObject({ status: 'rejected', reason: 'rule_violation' });
      expect((await deliveryOf(prescriptionId)).status).toBe('picked_up');

      expect((await step(courierToken, prescriptionId, { status: 'out_for_delivery', eta: eta() })).statusCode).toBe(200);
      expect((await runOf(prescriptionId))!.status).toBe('en_route');
      expect((await step(courierToken, prescriptionId, { status: 'failed', reason: 'not_home' })).statusCode).toBe(200);
      expect((await runOf(prescriptionId))!.status).toBe('assigned');
      expect(await newMessages()).toEqual([deliveryStatusMessage('picked_up'), deliveryStatusMessage('failed')]);
      expect((await step(courierToken, prescriptionId, { status: 'out_for_delivery', eta: eta() })).statusCode).toBe(200);
      const delivered = await step(courierToken, prescriptionId, { status: 'delivered', proof: { recipientName: 'Pat Q', deliveredAt: new Date().toISOString(), photoRef: null, signatureRef: 'sig-9' } });
      expect(delivered.statusCode).toBe(200);
      expect((await runOf(prescriptionId))!.status).toBe('completed');
      expect(await newMessages()).toEqual([deliveryStatusMessage('picked_up'), deliveryStatusMessage('failed'), deliveryStatusMessage('delivered')]);
      // The patient's care team pulls the message; it names no drug.
      const pulled = (await clinician.pullAll()).filter((c) => c.entity === 'message');
      expect(pulled.map((c) => c.data?.body)).toContain(deliveryStatusMessage('delivered'));
      expect((await newMessages()).join(' ')).not.toMatch(/amlodipine/i);
    });

    it('a status change that is rolled back takes its chat message with it', async () => {
      await closeActive();
      const { prescriptionId } = await sign('197361');
      expect((await assignOnBoard(prescriptionId, clinic.users.courier)).status).toBe('applied');
      expect((await step(dispatcherToken, prescriptionId, { status: 'ready_for_pickup' })).statusCode).toBe(200);
      const before = await systemMessages();
      const d = await deliveryOf(prescriptionId);
      const courier = { userId: clinic.users.courier, role: 'courier' as const, sessionId: randomUUID() };
      await expect(t.db.transaction(async (tx) => {
        await updateDeliveryStatus(tx, courier, d.id, { status: 'picked_up', version: d.version });
        expect((await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM messages WHERE conversation_id = $1 AND sender_kind = 'system'`, [clinic.ownPatientId])).rows[0]!.n).toBe(before.length + 1);
        throw new Error('refused after the status change');
      })).rejects.toThrow('refused after the status change');
      expect(await systemMessages()).toEqual(before);
      expect(await deliveryOf(prescriptionId)).toMatchObject({ status: 'ready_for_pickup', version: d.version });
      expect((await runOf(prescriptionId))!.status).toBe('assigned');
    });

    it('cancelling the prescription takes its run off the board (assigned or not)', async () => {
      for (const assign of [false, true]) {
        await closeActive();
        const { prescriptionId } = await sign('197361');
        if (assign) expect((await assignOnBoard(prescriptionId, clinic.users.courier)).status).toBe('applied');
        const [res] = await clinician.push([clinician.mutation('rx.cancel', { prescriptionId, reason: 'Changed plan' })]);
        expect(res).toMatchObject({ status: 'applied' });
        expect((await runOf(prescriptionId))!.status).toBe('cancelled');
        expect((await deliveryOf(prescriptionId)).status).toBe('cancelled');
      }
    });
  });
});
