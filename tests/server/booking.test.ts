// Booking and rescheduling on the server: impossible times, double-booking (also two devices at once) and an
// unlicensed patient state are refused with a clear message and change nothing. On PGlite and PostgreSQL.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDriver, openTestDatabase } from './support/databases';
import type { TestDatabase } from './support/databases';
import { seedTestClinic } from './support/fixtures';
import type { TestClinic } from './support/fixtures';
import { buildTestApp, signIn } from './support/app';
import type { TestApp } from './support/app';
import { TestSyncClient } from './support/sync-client';

describeEachDriver('booking and rescheduling', (driver) => {
  let t: TestDatabase;
  let clinic: TestClinic;
  let api: TestApp;
  let token: string;
  const day = new Date(Date.now() + 3 * 86_400_000);
  day.setUTCHours(16, 0, 0, 0);
  const at = (minutes: number) => new Date(day.getTime() + minutes * 60_000).toISOString();

  beforeAll(async () => {
    t = await openTestDatabase(driver);
    clinic = await seedTestClinic(t.db);
    api = await buildTestApp(t.db);
    token = (await signIn(api, clinic.emails.clinician)).accessToken;
  });
  afterAll(async () => {
    await api.app.close();
    await t.dispose();
  });

  const countAppointments = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM appointments')).rows[0]!.n;
  const book = (client: TestSyncClient, startsAt: string, endsAt: string, kind = 'video', patientId = clinic.ownPatientId) =>
    client.mutation('appointment.book', { appointmentId: randomUUID(), patientId, kind, startsAt, endsAt, reason: 'Follow-up' });

  it('books a visit on the clinician own schedule', async () => {
    const client = new TestSyncClient(api, token);
    const [result] = await client.push([book(client, at(0), at(30))]);
    expect(result).toMatchObject({ status: 'applied', state: { entity: 'appointment', data: { status: 'booked', clinicianId: clinic.users.clinician, patientName: 'Zelphira Quimbleton' } } });
  });

  it.each([
    ['ends before it starts', 60, 45, 'The visit ends before it starts.'],
    ['has no length', 60, 60, 'The visit has no length: the end must be after the start.'],
    ['overlaps a visit already booked', 15, 45, 'You already have a visit at that time; choose another time.'],
  ])('refuses a visit that %s, changing nothing', async (_name, from, to, message) => {
    const client = new TestSyncClient(api, token);
    const before = await countAppointments();
    const [result] = await client.push([book(client, at(from), at(to))]);
    expect(result).toMatchObject({ status: 'rejected', reason: 'rule_violation', message });
    expect(await countAppointments()).toBe(before);
  });

  it('allows back-to-back visits', async () => {
    const client = new TestSyncClient(api, token);
    const [result] = await client.push([book(client, at(30), at(45))]);
    expect(result).toMatchObject({ status: 'applied' });
  });

  it('refuses a video or home visit for a patient located where the clinician has no license; a clinic visit is fine', async () => {
    await t.db.query(`UPDATE patients SET location_state = 'TX' WHERE id = $1`, [clinic.ownPatientId]);
    try {
      const client = new TestSyncClient(api, token);
      const before = await countAppointments();
      const [video] = await client.push([book(client, at(120), at(150), 'video')]);
      expect(video).toMatchObject({ status: 'rejected', reason: 'forbidden', message: 'You are not licensed in TX, where the patient is located.' });
      const [home] = await client.push([book(client, at(120), at(150), 'home')]);
      expect(home).toMatchObject({ status: 'rejected', reason: 'forbidden' });
      expect(await countAppointments()).toBe(before);
      const [inClinic] = await client.push([book(client, at(120), at(150), 'clinic')]);
      expect(inClinic).toMatchObject({ status: 'applied' });
    } finally {
      await t.db.query(`UPDATE patients SET location_state = 'WA' WHERE id = $1`, [clinic.ownPatientId]);
    }
  });

  it('refuses a patient the clinician cannot see', async () => {
    const client = new TestSyncClient(api, token);
    const [result] = await client.push([book(client, at(300), at(330), 'video', clinic.otherPatientId)]);
    expect(result).toMatchObject({ status: 'rejected', reason: 'forbidden' });
  });

  it('two devices booking the same slot at once: only one wins', async () => {
    const a = new TestSyncClient(api, token);
    const b = new TestSyncClient(api, token);
    const before = await countAppointments();
    const results = (await Promise.all([a.push([book(a, at(600), at(630))]), b.push([book(b, at(610), at(640))])])).flat();
    expect(results.map((r) => r.status).sort()).toEqual(['applied', 'rejected']);
    expect(await countAppointments()).toBe(before + 1);
  });

  it('reschedules a booked visit, refusing a move onto another visit', async () => {
    const client = new TestSyncClient(api, token);
    const id = randomUUID();
    await client.push([client.mutation('appointment.book', { appointmentId: id, patientId: clinic.ownPatientId, kind: 'video', startsAt: at(900), endsAt: at(930), reason: 'Check' })]);
    const [clash] = await client.push([client.mutation('appointment.reschedule', { appointmentId: id, startsAt: at(0), endsAt: at(30) })]);
    expect(clash).toMatchObject({ status: 'rejected', reason: 'rule_violation', message: expect.stringContaining('already have a visit'), current: { data: { startsAt: at(900) } } });
    const [backwards] = await client.push([client.mutation('appointment.reschedule', { appointmentId: id, startsAt: at(960), endsAt: at(950) })]);
    expect(backwards).toMatchObject({ status: 'rejected', message: 'The visit ends before it starts.' });
    const [moved] = await client.push([client.mutation('appointment.reschedule', { appointmentId: id, startsAt: at(935), endsAt: at(965) })]);
    expect(moved).toMatchObject({ status: 'applied', state: { data: { startsAt: at(935), endsAt: at(965) } } });
  });

  it('rejects malformed booking arguments', async () => {
    const client = new TestSyncClient(api, token);
    const [result] = await client.push([client.mutation('appointment.book', { appointmentId: randomUUID(), patientId: clinic.ownPatientId, kind: 'video', startsAt: 'tomorrow', endsAt: at(1), reason: '' })]);
    expect(result).toMatchObject({ status: 'rejected', reason: 'invalid_args', message: expect.stringContaining('startsAt') });
  });
});
