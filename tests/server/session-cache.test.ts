// Sessions remembered per instance (server/auth/session-cache.ts): a request need not read its session from the
// database, yet a revocation, a disabled user or a changed role takes effect on every instance: at once on the
// instance that made it, and on the others when the trigger's notice (migration 0016) arrives over the Bus, also
// when the change was made by plain SQL.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDriver, openTestDatabase } from './support/databases';
import type { TestDatabase } from './support/databases';
import { seedTestClinic } from './support/fixtures';
import type { TestClinic } from './support/fixtures';
import { bearer, buildTestApp, signIn } from './support/app';
import type { TestApp } from './support/app';

/** Asks until the answer is `status` (the notice travels through PostgreSQL); fails after 10 s. */
async function eventually(api: TestApp, url: string, token: string, status: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const res = await api.app.inject({ method: 'GET', url, headers: bearer(token) });
    if (res.statusCode === status) return;
    if (Date.now() > deadline) throw new Error(`${url} still answered ${res.statusCode}, not ${status}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describeEachDriver('remembered sessions', (driver) => {
  let t: TestDatabase;
  let clinic: TestClinic;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    t = await openTestDatabase(driver);
    clinic = await seedTestClinic(t.db);
    a = await buildTestApp(t.db);
    b = await buildTestApp(t.db);
  });
  afterAll(async () => {
    await a.app.close();
    await b.app.close();
    await t.dispose();
  });

  const me = (api: TestApp, token: string) => api.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) });

  it('a signed-out session is refused at once by the instance that signed it out', async () => {
    const s = await signIn(a, clinic.emails.clinician);
    expect((await me(a, s.accessToken)).statusCode).toBe(200); // now remembered
    expect((await a.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(s.accessToken) })).statusCode).toBeLessThan(300);
    expect((await me(a, s.accessToken)).statusCode).toBe(401);
  });

  it('a session revoked by SQL is refused by every instance that remembered it', async () => {
    const s = await signIn(a, clinic.emails.clinician);
    expect((await me(a, s.accessToken)).statusCode).toBe(200);
    expect((await me(b, s.accessToken)).statusCode).toBe(200);
    const { rows } = await t.db.query<{ id: string }>('SELECT id FROM sessions WHERE user_id = $1 AND revoked_at IS NULL ORDER BY created_at DESC LIMIT 1', [clinic.users.clinician]);
    await t.db.query('UPDATE sessions SET revoked_at = now() WHERE id = $1', [rows[0]!.id]);
    await eventually(a, '/api/auth/me', s.accessToken, 401);
    await eventually(b, '/api/auth/me', s.accessToken, 401);
  });

  it('a user disabled by SQL loses access on every instance; enabled again, they sign in again', async () => {
    const s = await signIn(a, clinic.emails.otherClinician);
    expect((await me(b, s.accessToken)).statusCode).toBe(200);
    await t.db.query('UPDATE users SET disabled = true WHERE id = $1', [clinic.users.otherClinician]);
    try {
      await eventually(b, '/api/auth/me', s.accessToken, 401);
    } finally {
      await t.db.query('UPDATE users SET disabled = false WHERE id = $1', [clinic.users.otherClinician]);
    }
    const again = await signIn(b, clinic.emails.otherClinician);
    expect((await me(b, again.accessToken)).statusCode).toBe(200);
  });

  it('a changed role applies to remembered sessions: a clinician made a courier no longer searches patients', async () => {
    const s = await signIn(a, clinic.emails.otherClinician);
    const search = () => b.app.inject({ method: 'GET', url: '/api/patients?q=qu', headers: bearer(s.accessToken) });
    expect((await search()).statusCode).toBe(200);
    await t.db.query(`UPDATE users SET role = 'courier' WHERE id = $1`, [clinic.users.otherClinician]);
    try {
      await eventually(b, '/api/patients?q=qu', s.accessToken, 403);
    } finally {
      await t.db.query(`UPDATE users SET role = 'clinician' WHERE id = $1`, [clinic.users.otherClinician]);
    }
    await eventually(b, '/api/patients?q=qu', s.accessToken, 200);
  });
});
