// Patient data goes only to those allowed to see it, and every read of it leaves an audit row
// (who, which patient, what, when, from which device) that an admin can query.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDriver, openTestDatabase } from './support/databases';
import type { TestDatabase } from './support/databases';
import { seedTestClinic } from './support/fixtures';
import type { TestClinic } from './support/fixtures';
import { bearer, buildTestApp, signIn, TEST_DEVICE } from './support/app';
import type { TestApp } from './support/app';

describeEachDriver('patient access and audit', (driver) => {
  let t: TestDatabase;
  let clinic: TestClinic;
  let api: TestApp;
  let clinicianToken: string;
  let dispatcherToken: string;
  let adminToken: string;
  beforeAll(async () => {
    t = await openTestDatabase(driver);
    clinic = await seedTestClinic(t.db);
    api = await buildTestApp(t.db);
    clinicianToken = (await signIn(api, clinic.emails.clinician)).accessToken;
    dispatcherToken = (await signIn(api, clinic.emails.dispatcher)).accessToken;
    adminToken = (await signIn(api, clinic.emails.admin)).accessToken;
  });
  afterAll(async () => {
    await api.app.close();
    await t.dispose();
  });

  const auditRows = async (userId: string, action: string) =>
    (await t.db.query<{ patient_id: string | null; outcome: string; device_id: string; session_id: string | null; at: Date }>(
      'SELECT patient_id, outcome, device_id, session_id, at FROM audit_log WHERE user_id = $1 AND action = $2 ORDER BY id', [userId, action])).rows;

  it('a clinician reads the chart of a patient on their care team, and the read is audited', async () => {
    const res = await api.app.inject({ method: 'GET', url: `/api/patients/${clinic.ownPatientId}`, headers: bearer(clinicianToken) });
    expect(res.statusCode).toBe(200);
    const chart = res.json();
    expect(chart.patient).toMatchObject({ id: clinic.ownPatientId, givenName: 'Zelphira', familyName: 'Quimbleton', birthDate: '1980-04-02', locationState: 'WA' });
    expect(chart.allergies).toEqual([expect.objectContaining({ substance: 'Penicillin', reaction: 'Hives', severity: 'moderate' })]);
    const rows = await auditRows(clinic.users.clinician, 'patient.read');
    expect(rows).toEqual([expect.objectContaining({ patient_id: clinic.ownPatientId, outcome: 'allowed', device_id: TEST_DEVICE, session_id: expect.any(String) })]);
  });

  it('a clinician cannot read a patient outside their care team: 404, nothing leaked, denial audited', async () => {
    const res = await api.app.inject({ method: 'GET', url: `/api/patients/${clinic.otherPatientId}`, headers: bearer(clinicianToken) });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toMatch(/Orsolya|Brackenridge/);
    const rows = await auditRows(clinic.users.clinician, 'patient.read');
    expect(rows.at(-1)).toMatchObject({ patient_id: clinic.otherPatientId, outcome: 'denied' });
  });

  it('search only finds patients in scope, and audits each patient returned', async () => {
    const own = await api.app.inject({ method: 'GET', url: '/api/patients?q=quimb', headers: bearer(clinicianToken) });
    expect(own.json().patients.map((p: { id: string }) => p.id)).toEqual([clinic.ownPatientId]);
    const other = await api.app.inject({ method: 'GET', url: '/api/patients?q=brack', headers: bearer(clinicianToken) });
    expect(other.json().patients).toEqual([]);
    const byDob = await api.app.inject({ method: 'GET', url: '/api/patients?q=1980-04-02', headers: bearer(clinicianToken) });
    expect(byDob.json().patients).toHaveLength(1);
    const byPhone = await api.app.inject({ method: 'GET', url: '/api/patients?q=555-0142', headers: bearer(clinicianToken) });
    expect(byPhone.json().patients).toHaveLength(1);
    const rows = await auditRows(clinic.users.clinician, 'patient.search');
    expect(rows.map((r) => r.patient_id)).toEqual([clinic.ownPatientId, clinic.ownPatientId, clinic.ownPatientId]);
  });

  it("a clinician's schedule lists only their appointments and audits each patient shown", async () => {
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 86_400_000).toISOString();
    const res = await api.app.inject({ method: 'GET', url: `/api/appointments?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, headers: bearer(clinicianToken) });
    expect(res.statusCode).toBe(200);
    expect(res.json().appointments.map((a: { id: string }) => a.id)).toEqual([clinic.ownAppointmentId]);
    expect(res.json().appointments[0].patientName).toBe('Zelphira Quimbleton');
    expect((await auditRows(clinic.users.clinician, 'appointment.list')).map((r) => r.patient_id)).toEqual([clinic.ownPatientId]);
  });

  it('a dispatcher sees patients with home visits, not video-only patients', async () => {
    const home = await api.app.inject({ method: 'GET', url: `/api/patients/${clinic.otherPatientId}`, headers: bearer(dispatcherToken) });
    expect(home.statusCode).toBe(200);
    const video = await api.app.inject({ method: 'GET', url: `/api/patients/${clinic.ownPatientId}`, headers: bearer(dispatcherToken) });
    expect(video.statusCode).toBe(404);
  });

  it('an admin queries the audit log by patient, newest first, with paging', async () => {
    const res = await api.app.inject({ method: 'GET', url: `/api/admin/audit?patientId=${clinic.ownPatientId}&limit=2`, headers: bearer(adminToken) });
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.entries).toHaveLength(2);
    expect(page.entries.every((e: { patientId: string }) => e.patientId === clinic.ownPatientId)).toBe(true);
    expect(page.entries[0].id).toBeGreaterThan(page.entries[1].id);
    expect(page.entries[0].userEmail).toBeTruthy();
    expect(page.nextBefore).toBe(page.entries[1].id);
    const next = await api.app.inject({ method: 'GET', url: `/api/admin/audit?patientId=${clinic.ownPatientId}&limit=100&before=${page.nextBefore}`, headers: bearer(adminToken) });
    expect(next.json().entries.length).toBeGreaterThan(0);
    expect(next.json().entries.every((e: { id: number }) => e.id < page.nextBefore)).toBe(true);
    // The audit log holds ids and actions only: no names or other PHI values.
    const all = await t.db.query('SELECT * FROM audit_log');
    expect(JSON.stringify(all.rows)).not.toMatch(/Zelphira|Quimbleton|Orsolya|Brackenridge|555-0142|1980-04-02/);
  });

  it('an admin cannot read charts', async () => {
    const res = await api.app.inject({ method: 'GET', url: `/api/patients/${clinic.ownPatientId}`, headers: bearer(adminToken) });
    expect(res.statusCode).toBe(403);
  });
});
