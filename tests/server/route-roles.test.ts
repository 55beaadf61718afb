// Every route x every role: exactly the intended roles get through; everyone else gets 403, and a caller
// without a token gets 401. The table below is the intended access; a route missing from it fails the test.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROLES } from '../../shared/domain/roles';
import type { Role } from '../../shared/domain/roles';
import { allRoutes, DEFAULT_CLIENT_CONFIG } from '../../server/http/app';
import { SessionCache } from '../../server/auth/session-cache';
import { TokenSigner } from '../../server/auth/tokens';
import { DEFAULT_VIDEO_CONFIG } from '../../server/config';
import { describeEachDriver, openTestDatabase } from './support/databases';
import type { TestDatabase } from './support/databases';
import { seedTestClinic } from './support/fixtures';
import type { TestClinic } from './support/fixtures';
import { bearer, buildTestApp, signIn } from './support/app';
import type { TestApp } from './support/app';

type Access = 'public' | readonly Role[];
const ALL: readonly Role[] = ROLES;

interface Sample {
  access: Access;
  request: (clinic: TestClinic) => { url: string; payload?: object };
}

const now = new Date();
const inAWeek = new Date(now.getTime() + 7 * 86_400_000);

const INTENDED: Record<string, Sample> = {
  'GET /api/health': { access: 'public', request: () => ({ url: '/api/health' }) },
  'POST /api/auth/login': { access: 'public', request: () => ({ url: '/api/auth/login', payload: { email: 'x@example.com', password: 'x' } }) },
  'POST /api/auth/totp': { access: 'public', request: () => ({ url: '/api/auth/totp', payload: { challengeToken: 'x', code: '123456' } }) },
  'POST /api/auth/totp/enroll': { access: 'public', request: () => ({ url: '/api/auth/totp/enroll', payload: { challengeToken: 'x', code: '123456' } }) },
  'POST /api/auth/refresh': { access: 'public', request: () => ({ url: '/api/auth/refresh', payload: { refreshToken: 'x' } }) },
  'POST /api/auth/logout': { access: ALL, request: () => ({ url: '/api/auth/logout' }) },
  'GET /api/auth/me': { access: ALL, request: () => ({ url: '/api/auth/me' }) },
  'POST /api/auth/unlock': { access: ALL, request: () => ({ url: '/api/auth/unlock', payload: { password: 'correct horse battery staple' } }) },
  'GET /api/config': { access: 'public', request: () => ({ url: '/api/config' }) },
  'POST /api/auth/totp/setup': { access: ALL, request: () => ({ url: '/api/auth/totp/setup' }) },
  'POST /api/auth/totp/activate': { access: ALL, request: () => ({ url: '/api/auth/totp/activate', payload: { code: '123456' } }) },
  'GET /api/admin/users': { access: ['admin'], request: () => ({ url: '/api/admin/users' }) },
  'POST /api/admin/users': {
    access: ['admin'],
    request: () => ({ url: '/api/admin/users', payload: { email: `new-${Math.random().toString(36).slice(2)}@test.housecall.test`, displayName: 'New Person', role: 'courier', credential: 'courier', timeZone: 'America/Chicago', password: 'a-long-enough-password' } }),
  },
  'POST /api/admin/users/:id/unlock': { access: ['admin'], request: (c) => ({ url: `/api/admin/users/${c.users.courier}/unlock` }) },
  'GET /api/admin/audit': { access: ['admin'], request: () => ({ url: '/api/admin/audit?limit=5' }) },
  'GET /api/patients': { access: ['clinician', 'dispatcher'], request: () => ({ url: '/api/patients?q=qu' }) },
  'GET /api/patients/:id': { access: ['clinician', 'dispatcher'], request: (c) => ({ url: `/api/patients/${c.ownPatientId}` }) },
  'GET /api/appointments': {
    access: ['clinician', 'dispatcher'],
    request: () => ({ url: `/api/appointments?from=${encodeURIComponent(now.toISOString())}&to=${encodeURIComponent(inAWeek.toISOString())}` }),
  },
  'POST /api/sync/push': {
    access: ['clinician', 'dispatcher', 'courier'],
    request: (c) => ({
      url: '/api/sync/push',
      payload: { clientId: `client-${Math.random().toString(36).slice(2)}`, mutations: [{ mutationId: crypto.randomUUID(), seq: 1, name: 'patient.confirmLocation', args: { patientId: c.ownPatientId, locationState: 'WA' } }] },
    }),
  },
  'GET /api/sync/pull': { access: ['clinician', 'dispatcher', 'courier'], request: () => ({ url: '/api/sync/pull?limit=10' }) },
  'POST /api/admin/fhir/import': { access: ['admin'], request: () => ({ url: '/api/admin/fhir/import', payload: { resourceType: 'Bundle', type: 'collection' } }) },
  'GET /api/reference/icd10': { access: ALL, request: () => ({ url: '/api/reference/icd10' }) },
  'GET /api/dispatch/cities': { access: ['dispatcher'], request: () => ({ url: '/api/dispatch/cities' }) },
  'GET /api/dispatch/staff': { access: ['dispatcher'], request: () => ({ url: `/api/dispatch/staff?cityId=seattle&date=${now.toISOString().slice(0, 10)}` }) },
  'POST /api/dispatch/requests': {
    access: ['dispatcher'],
    request: (c) => ({
      url: '/api/dispatch/requests',
      payload: { kind: 'home_visit', patientId: c.ownPatientId, reason: 'Blood draw', windowStart: inAWeek.toISOString(), windowEnd: new Date(inAWeek.getTime() + 3600_000).toISOString(), skills: ['phlebotomy'], durationMinutes: 20 },
    }),
  },
  'GET /api/fhir/Patient/:id/$everything': { access: ['clinician'], request: (c) => ({ url: `/api/fhir/Patient/${c.ownPatientId}/$everything` }) },
  'POST /api/rx/sign-controlled': {
    access: ['clinician'],
    request: (c) => ({
      url: '/api/rx/sign-controlled',
      payload: {
        prescriptionId: crypto.randomUUID(), patientId: c.ownPatientId, appointmentId: null, supersedesId: null, overrides: [], totpCode: '123456',
        order: { rxcui: '308047', sig: { dose: '1 tablet', route: 'oral', frequency: 'at bedtime', durationDays: 7 }, quantity: 7, quantityUnit: 'tablet', refills: 0, daysSupply: 7, substitutionAllowed: true, pharmacyNote: '' },
      },
    }),
  },
  'GET /api/deliveries': { access: ['dispatcher', 'courier'], request: () => ({ url: '/api/deliveries' }) },
  'GET /api/couriers': { access: ['dispatcher'], request: () => ({ url: '/api/couriers' }) },
  'POST /api/deliveries/:id/assign': { access: ['dispatcher'], request: (c) => ({ url: `/api/deliveries/${crypto.randomUUID()}/assign`, payload: { courierId: c.users.courier, version: 1 } }) },
  'POST /api/deliveries/:id/status': { access: ['dispatcher', 'courier'], request: () => ({ url: `/api/deliveries/${crypto.randomUUID()}/status`, payload: { status: 'picked_up', version: 1 } }) },
  'POST /api/visits': { access: ['clinician'], request: (c) => ({ url: '/api/visits', payload: { appointmentId: c.ownAppointmentId } }) },
  'GET /api/visits/:id': { access: ['clinician'], request: () => ({ url: `/api/visits/${crypto.randomUUID()}` }) },
  'POST /api/visits/:id/end': { access: ['clinician'], request: () => ({ url: `/api/visits/${crypto.randomUUID()}/end` }) },
  'POST /api/join/session': { access: 'public', request: () => ({ url: '/api/join/session', payload: { token: 'A'.repeat(43) } }) },
  'GET /api/join/visit': { access: 'public', request: () => ({ url: '/api/join/visit' }) },
  'POST /api/queue-links': { access: ['clinician'], request: (c) => ({ url: '/api/queue-links', payload: { patientId: c.ownPatientId } }) },
  'POST /api/queue-entry': { access: 'public', request: () => ({ url: '/api/queue-entry', payload: { token: 'A'.repeat(43), locationState: 'NY', reason: 'Fever', urgency: 'urgent' } }) },
  'GET /api/queue-entry': { access: 'public', request: () => ({ url: '/api/queue-entry' }) },
  'POST /api/queue-entry/leave': { access: 'public', request: () => ({ url: '/api/queue-entry/leave' }) },
  // The join page's chat: public as far as staff sign-in goes; each route requires the patient's visit session itself.
  'GET /api/join/messages': { access: 'public', request: () => ({ url: '/api/join/messages' }) },
  'POST /api/join/messages': { access: 'public', request: () => ({ url: '/api/join/messages', payload: { messageId: crypto.randomUUID(), body: 'Hello' } }) },
  'POST /api/join/messages/read': { access: 'public', request: () => ({ url: '/api/join/messages/read', payload: { upToSeq: 1 } }) },
  'POST /api/join/attachments': { access: 'public', request: () => ({ url: '/api/join/attachments', payload: { not: 'an image' } }) },
  'GET /api/join/attachments/:attachmentId': { access: 'public', request: () => ({ url: `/api/join/attachments/${crypto.randomUUID()}` }) },
  'POST /api/chat/conversations/:conversationId/attachments': {
    access: ['clinician', 'dispatcher', 'courier'],
    request: (c) => ({ url: `/api/chat/conversations/${c.ownPatientId}/attachments`, payload: { not: 'an image' } }),
  },
  'GET /api/chat/attachments/:attachmentId': { access: ['clinician', 'dispatcher', 'courier'], request: () => ({ url: `/api/chat/attachments/${crypto.randomUUID()}` }) },
};

describeEachDriver('route access by role', (driver) => {
  let t: TestDatabase;
  let clinic: TestClinic;
  let api: TestApp;
  beforeAll(async () => {
    t = await openTestDatabase(driver);
    clinic = await seedTestClinic(t.db);
    api = await buildTestApp(t.db);
  });
  afterAll(async () => {
    await api.app.close();
    await t.dispose();
  });

  const registered = allRoutes({ db: { kind: 'pglite' } as never, signer: new TokenSigner('x'.repeat(32)), now: () => new Date(), clientConfig: DEFAULT_CLIENT_CONFIG, video: DEFAULT_VIDEO_CONFIG, sessions: new SessionCache() });

  it('the intended-access table covers exactly the registered routes', () => {
    const keys = registered.map((r) => `${r.method} ${r.url}`).sort();
    expect(keys).toEqual(Object.keys(INTENDED).sort());
    for (const r of registered) {
      const intended = INTENDED[`${r.method} ${r.url}`]!.access;
      if (intended === 'public') expect(r.access).toBe('public');
      else expect([...(r.access === 'signed-in' ? ALL : r.access)].sort()).toEqual([...intended].sort());
    }
  });

  it.each(Object.entries(INTENDED).filter(([, s]) => s.access !== 'public'))('%s refuses a caller without a token (401)', async (key, sample) => {
    const method = key.split(' ')[0] as 'GET' | 'POST';
    const { url, payload } = sample.request(clinic);
    const res = await api.app.inject({ method, url, ...(payload ? { payload } : {}) });
    expect(res.statusCode).toBe(401);
  });

  for (const role of ROLES) {
    it.each(Object.entries(INTENDED).filter(([, s]) => s.access !== 'public'))(`%s as ${role}`, async (key, sample) => {
      const method = key.split(' ')[0] as 'GET' | 'POST';
      const { url, payload } = sample.request(clinic);
      const email = { clinician: clinic.emails.clinician, dispatcher: clinic.emails.dispatcher, courier: clinic.emails.courier, admin: clinic.emails.admin }[role];
      const { accessToken } = await signIn(api, email);
      const res = await api.app.inject({ method, url, headers: bearer(accessToken), ...(payload ? { payload } : {}) });
      const allowed = sample.access !== 'public' && sample.access.includes(role);
      if (allowed) {
        expect([401, 403]).not.toContain(res.statusCode);
        expect(res.statusCode).toBeLessThan(500);
      } else {
        expect(res.statusCode).toBe(403);
        expect(res.json().error.code).toBe('forbidden');
      }
    });
  }
});
