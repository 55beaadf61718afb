// Bad input gets a clear 4xx in the shared error envelope, changes nothing, and leaks no stack or PHI.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDriver, openTestDatabase } from './support/databases';
import type { TestDatabase } from './support/databases';
import { seedTestClinic } from './support/fixtures';
import type { TestClinic } from './support/fixtures';
import { bearer, buildTestApp, signIn, TEST_DEVICE } from './support/app';
import type { TestApp } from './support/app';
import { ApiErrorSchema } from '../../shared/api/errors';
import { BODY_LIMIT_BYTES } from '../../server/http/app';

describeEachDriver('bad input', (driver) => {
  let t: TestDatabase;
  let clinic: TestClinic;
  let api: TestApp;
  let adminToken: string;
  let clinicianToken: string;
  beforeAll(async () => {
    t = await openTestDatabase(driver);
    clinic = await seedTestClinic(t.db);
    api = await buildTestApp(t.db);
    adminToken = (await signIn(api, clinic.emails.admin)).accessToken;
    clinicianToken = (await signIn(api, clinic.emails.clinician)).accessToken;
  });
  afterAll(async () => {
    await api.app.close();
    await t.dispose();
  });

  const snapshot = async () => {
    const { rows } = await t.db.query<{ users: number; sessions: number; tokens: number; patients: number; failed: number }>(
      `SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM sessions) AS sessions,
              (SELECT count(*)::int FROM refresh_tokens) AS tokens, (SELECT count(*)::int FROM patients) AS patients,
              (SELECT coalesce(sum(failed_attempts), 0)::int FROM users) AS failed`);
    return rows[0];
  };

  const createUser = { email: 'fresh@test.housecall.test', displayName: 'Fresh User', role: 'courier', credential: 'courier', timeZone: 'America/Chicago', password: 'long-enough-password' };

  const cases: Array<[string, () => { method: 'GET' | 'POST'; url: string; headers?: Record<string, string>; payload?: string | object }, number, string]> = [
    ['malformed JSON', () => ({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email": "a@b.c", "password":' }), 400, 'bad_request'],
    ['empty JSON body', () => ({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '' }), 400, 'bad_request'],
    ['JSON that is not an object', () => ({ method: 'POST', url: '/api/auth/login', payload: [1, 2, 3] }), 400, 'validation_failed'],
    ['wrong types', () => ({ method: 'POST', url: '/api/auth/login', payload: { email: 42, password: true } }), 400, 'validation_failed'],
    ['unknown fields', () => ({ method: 'POST', url: '/api/auth/login', payload: { email: clinic.emails.clinician, password: 'x', role: 'admin' } }), 400, 'validation_failed'],
    ['an oversized body', () => ({ method: 'POST', url: '/api/auth/login', payload: { email: 'a@b.co', password: 'x'.repeat(BODY_LIMIT_BYTES + 10) } }), 413, 'payload_too_large'],
    ['a body that is not JSON', () => ({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/plain' }, payload: 'email=a' }), 415, 'unsupported_media_type'],
    ['a garbage bearer token', () => ({ method: 'GET', url: '/api/auth/me', headers: { authorization: 'Bearer not-a-token' } }), 401, 'unauthenticated'],
    ['a token signed with another secret', () => ({ method: 'GET', url: '/api/auth/me', headers: { authorization: 'Bearer hc1.eyJ0eXAiOiJhY2Nlc3MifQ.AAAA' } }), 401, 'unauthenticated'],
    ['another scheme than Bearer', () => ({ method: 'GET', url: '/api/auth/me', headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } }), 401, 'unauthenticated'],
    ['wrong role', () => ({ method: 'POST', url: '/api/admin/users', headers: bearer(clinicianToken), payload: createUser }), 403, 'forbidden'],
    ['an invalid new user (short password, bad zone)', () => ({ method: 'POST', url: '/api/admin/users', headers: bearer(adminToken), payload: { ...createUser, password: 'short', timeZone: 'Mars/Olympus' } }), 400, 'validation_failed'],
    ['a duplicate user email', () => ({ method: 'POST', url: '/api/admin/users', headers: bearer(adminToken), payload: { ...createUser, email: clinic.emails.courier } }), 409, 'conflict'],
    ['a patient id that is not a uuid', () => ({ method: 'GET', url: '/api/patients/123', headers: bearer(clinicianToken) }), 400, 'validation_failed'],
    ['a search term too short', () => ({ method: 'GET', url: '/api/patients?q=a', headers: bearer(clinicianToken) }), 400, 'validation_failed'],
    ['an unknown query parameter', () => ({ method: 'GET', url: '/api/patients?q=ab&sql=drop', headers: bearer(clinicianToken) }), 400, 'validation_failed'],
    ['a schedule range that ends before it starts', () => ({ method: 'GET', url: '/api/appointments?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z', headers: bearer(clinicianToken) }), 400, 'validation_failed'],
    ['an unknown endpoint', () => ({ method: 'GET', url: '/api/nothing-here' }), 404, 'not_found'],
  ];

  it.each(cases)('%s: clear 4xx, nothing changed, no stack', async (_name, make, status, code) => {
    const before = await snapshot();
    const req = make();
    const res = await api.app.inject({ ...req, headers: { 'x-housecall-device': TEST_DEVICE, ...req.headers } } as never);
    expect(res.statusCode).toBe(status);
    const body = ApiErrorSchema.parse(res.json());
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(5);
    expect(res.body).not.toMatch(/\bat \w+ \(|node_modules|\.ts:\d+|stack/i);
    expect(res.body).not.toMatch(/Zelphira|Quimbleton|long-enough-password/);
    expect(await snapshot()).toEqual(before);
  });

  it('names the bad fields without echoing their values', async () => {
    const res = await api.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'not-an-email-secret-value', password: 'p' } });
    expect(res.json().error.fields).toEqual(['email']);
    expect(res.body).not.toContain('not-an-email-secret-value');
  });

  it('a server error answers 500 with a generic message and no detail', async () => {
    const broken = await buildTestApp({ ...t.db, query: async () => { throw new Error('relation "patients" violates Zelphira Quimbleton'); } } as never);
    const res = await broken.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a@b.co', password: 'x' } });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'internal', message: 'Something went wrong on the server. The error was logged.' } });
    await broken.app.close();
  });
});
