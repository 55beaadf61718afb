// Server logs carry no patient data: drive every kind of request that touches PHI (reads, searches by
// name, writes, bad input, server errors) and search the captured log lines for the patients' details.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from './support/databases';
import type { TestDatabase } from './support/databases';
import { seedTestClinic } from './support/fixtures';
import type { TestClinic } from './support/fixtures';
import { bearer, signIn, TEST_DEVICE } from './support/app';
import type { TestApp } from './support/app';
import { buildApp } from '../../server/http/app';
import { TestSyncClient } from './support/sync-client';

const PHI = ['Zelphira', 'Quimbleton', 'Orsolya', 'Brackenridge', '555-0142', '1980-04-02', '100 Pine St', 'quimb', 'Penicillin', 'Sore throat', 'new-phone'];

describe('logs without PHI', () => {
  let t: TestDatabase;
  let clinic: TestClinic;
  let api: TestApp;
  const lines: string[] = [];
  beforeAll(async () => {
    t = await openTestDatabase('pglite');
    clinic = await seedTestClinic(t.db);
    const clock = { now: new Date(), advanceMinutes(m: number) { this.now = new Date(this.now.getTime() + m * 60_000); } };
    const app = await buildApp({ db: t.db, tokenSecret: 'test-secret-that-is-long-enough-0123456789', logLevel: 'trace', now: () => clock.now, logStream: { write: (line: string) => { lines.push(line); } } });
    api = { app, clock };
  });
  afterAll(async () => {
    await api.app.close();
    await t.dispose();
  });

  it('logs requests by route pattern and status only', async () => {
    const { accessToken } = await signIn(api, clinic.emails.clinician);
    const h = bearer(accessToken);
    await api.app.inject({ method: 'GET', url: `/api/patients/${clinic.ownPatientId}`, headers: h });
    await api.app.inject({ method: 'GET', url: '/api/patients?q=quimb', headers: h });
    await api.app.inject({ method: 'GET', url: '/api/patients?q=Zelphira%20Quimbleton&bad=1', headers: h });
    await api.app.inject({ method: 'GET', url: `/api/patients/${clinic.otherPatientId}`, headers: h });
    await api.app.inject({ method: 'GET', url: '/api/Zelphira-Quimbleton/unknown', headers: h });
    await api.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json', 'x-housecall-device': TEST_DEVICE }, payload: '{"email":"Zelphira Quimbleton' });
    const client = new TestSyncClient(api, accessToken);
    await client.push([client.mutation('patient.updateContact', { patientId: clinic.ownPatientId, fields: { phone: 'new-phone' } })]);
    await client.push([client.mutation('note.saveDraft', { noteId: crypto.randomUUID(), patientId: clinic.ownPatientId, appointmentId: null, sections: { subjective: 'Sore throat', objective: '', assessment: '', plan: '' } }, 0)]);
    await client.pullAll();

    expect(lines.length).toBeGreaterThan(8);
    const requestLines = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request');
    expect(requestLines.some((l) => l.route === '/api/patients/:id' && l.status === 200)).toBe(true);
    const all = lines.join('\n');
    for (const value of PHI) expect(all).not.toContain(value);
  });
});
