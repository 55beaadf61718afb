// Sign-in: right and wrong password, lockout, TOTP (required for admins, enrolment, replay), refresh
// rotation and reuse detection, sign-out revocation, token expiry; on both drivers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDriver, openTestDatabase } from './support/databases';
import type { TestDatabase } from './support/databases';
import { seedTestClinic, TEST_PASSWORD, ADMIN_TOTP_SECRET } from './support/fixtures';
import type { TestClinic } from './support/fixtures';
import { bearer, buildTestApp, signIn, TEST_DEVICE } from './support/app';
import type { TestApp } from './support/app';
import { totpCodeAt } from '../../server/auth/totp';
import { MAX_FAILED_SIGN_INS, LOCKOUT_MINUTES, ACCESS_TOKEN_TTL_SECONDS } from '../../shared/api/auth';

describeEachDriver('sign-in and sessions', (driver) => {
  let t: TestDatabase;
  let clinic: TestClinic;
  let api: TestApp;
  const headers = { 'x-housecall-device': TEST_DEVICE };
  const login = (email: string, password: string) => api.app.inject({ method: 'POST', url: '/api/auth/login', headers, payload: { email, password } });

  beforeAll(async () => {
    t = await openTestDatabase(driver);
    clinic = await seedTestClinic(t.db);
    api = await buildTestApp(t.db);
  });
  afterAll(async () => {
    await api.app.close();
    await t.dispose();
  });

  describe('password', () => {
    it('signs in with the right password and returns the user without secrets', async () => {
      const res = await login(clinic.emails.clinician, TEST_PASSWORD);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.status).toBe('signed_in');
      expect(body.user).toMatchObject({ email: clinic.emails.clinician, role: 'clinician', displayName: 'Dr. Test Clinician' });
      expect(body.user.licenses).toEqual([{ state: 'WA', licenseNumber: 'MD60000001', expiresOn: '2030-12-31' }]);
      expect(JSON.stringify(body)).not.toMatch(/password|argon2|totp_secret/i);
      const me = await api.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(body.accessToken) });
      expect(me.json().user.id).toBe(clinic.users.clinician);
    });

    it('accepts the email in any letter case', async () => {
      const res = await login(clinic.emails.clinician.toUpperCase(), TEST_PASSWORD);
      expect(res.json().status).toBe('signed_in');
    });

    it('refuses a wrong password and an unknown email with the same message', async () => {
      const wrong = await login(clinic.emails.dispatcher, 'not the password');
      const unknown = await login('nobody@test.housecall.test', TEST_PASSWORD);
      expect(wrong.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      expect(wrong.json().error.message).toBe('Email or password is incorrect.');
      expect(unknown.json().error.message).toBe(wrong.json().error.message);
    });

    it('locks the account after repeated failures, even for the right password, until the lockout ends', async () => {
      for (let i = 0; i < MAX_FAILED_SIGN_INS - 1; i++) expect((await login(clinic.emails.courier, `wrong-${i}`)).statusCode).toBe(401);
      const locking = await login(clinic.emails.courier, 'wrong-last');
      expect(locking.statusCode).toBe(423);
      expect(locking.json().error.code).toBe('locked_out');
      expect((await login(clinic.emails.courier, TEST_PASSWORD)).statusCode).toBe(423);
      api.clock.advanceMinutes(LOCKOUT_MINUTES + 1);
      expect((await login(clinic.emails.courier, TEST_PASSWORD)).json().status).toBe('signed_in');
      const { rows } = await t.db.query<{ action: string; outcome: string }>(
        `SELECT action, outcome FROM audit_log WHERE user_id = $1 AND action = 'auth.sign_in' ORDER BY id`, [clinic.users.courier]);
      expect(rows.filter((r) => r.outcome === 'failed')).toHaveLength(MAX_FAILED_SIGN_INS);
      expect(rows.filter((r) => r.outcome === 'denied')).toHaveLength(1);
      expect(rows.at(-1)).toEqual({ action: 'auth.sign_in', outcome: 'allowed' });
    });

    it('a successful sign-in resets the failure count', async () => {
      for (let i = 0; i < MAX_FAILED_SIGN_INS - 1; i++) await login(clinic.emails.otherClinician, 'wrong');
      expect((await login(clinic.emails.otherClinician, TEST_PASSWORD)).json().status).toBe('signed_in');
      for (let i = 0; i < MAX_FAILED_SIGN_INS - 1; i++) await login(clinic.emails.otherClinician, 'wrong');
      expect((await login(clinic.emails.otherClinician, TEST_PASSWORD)).json().status).toBe('signed_in');
    });
  });

  describe('second factor', () => {
    it('asks an admin with TOTP for a code, and accepts the right one once', async () => {
      const first = (await login(clinic.emails.admin, TEST_PASSWORD)).json();
      expect(first).toEqual({ status: 'totp_required', challengeToken: expect.any(String) });
      api.clock.advanceMinutes(1);
      const code = totpCodeAt(ADMIN_TOTP_SECRET, api.clock.now.getTime());
      const bad = await api.app.inject({ method: 'POST', url: '/api/auth/totp', headers, payload: { challengeToken: first.challengeToken, code: code === '000000' ? '111111' : '000000' } });
      expect(bad.statusCode).toBe(401);
      const good = await api.app.inject({ method: 'POST', url: '/api/auth/totp', headers, payload: { challengeToken: first.challengeToken, code } });
      expect(good.json().status).toBe('signed_in');
      expect(good.json().user.role).toBe('admin');
      // The same code again (a replay) is refused, even with a fresh challenge.
      const again = (await login(clinic.emails.admin, TEST_PASSWORD)).json();
      const replay = await api.app.inject({ method: 'POST', url: '/api/auth/totp', headers, payload: { challengeToken: again.challengeToken, code } });
      expect(replay.statusCode).toBe(401);
    });

    it('refuses an expired challenge', async () => {
      const first = (await login(clinic.emails.admin, TEST_PASSWORD)).json();
      api.clock.advanceMinutes(6);
      const code = totpCodeAt(ADMIN_TOTP_SECRET, api.clock.now.getTime());
      const res = await api.app.inject({ method: 'POST', url: '/api/auth/totp', headers, payload: { challengeToken: first.challengeToken, code } });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.message).toMatch(/expired/);
    });

    it('makes an admin without a second factor enrol before signing in', async () => {
      await t.db.query(`UPDATE users SET totp_enabled = false, totp_secret = NULL, totp_last_step = NULL WHERE id = $1`, [clinic.users.admin]);
      const first = (await login(clinic.emails.admin, TEST_PASSWORD)).json();
      expect(first.status).toBe('totp_enrollment_required');
      expect(first.otpauthUri).toMatch(/^otpauth:\/\/totp\/Housecall:admin%40test\.housecall\.test\?/);
      // The enrolment challenge cannot be used as a normal TOTP challenge.
      const code = totpCodeAt(first.secret, api.clock.now.getTime());
      const wrongRoute = await api.app.inject({ method: 'POST', url: '/api/auth/totp', headers, payload: { challengeToken: first.challengeToken, code } });
      expect(wrongRoute.statusCode).toBe(401);
      const enrolled = await api.app.inject({ method: 'POST', url: '/api/auth/totp/enroll', headers, payload: { challengeToken: first.challengeToken, code } });
      expect(enrolled.json().status).toBe('signed_in');
      expect(enrolled.json().user.totpEnabled).toBe(true);
      // From now on the admin is asked for a code from the new secret.
      api.clock.advanceMinutes(1);
      const next = (await login(clinic.emails.admin, TEST_PASSWORD)).json();
      expect(next.status).toBe('totp_required');
      const ok = await api.app.inject({ method: 'POST', url: '/api/auth/totp', headers, payload: { challengeToken: next.challengeToken, code: totpCodeAt(first.secret, api.clock.now.getTime()) } });
      expect(ok.json().status).toBe('signed_in');
      await t.db.query(`UPDATE users SET totp_secret = $2 WHERE id = $1`, [clinic.users.admin, ADMIN_TOTP_SECRET]);
    });

    it('lets any user turn on TOTP for themselves', async () => {
      const { accessToken } = await signIn(api, clinic.emails.dispatcher);
      const setup = await api.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers: bearer(accessToken) });
      expect(setup.statusCode).toBe(200);
      const { secret } = setup.json();
      const wrong = await api.app.inject({ method: 'POST', url: '/api/auth/totp/activate', headers: bearer(accessToken), payload: { code: '000000' } });
      expect(wrong.statusCode).toBe(400);
      api.clock.advanceMinutes(1);
      const ok = await api.app.inject({ method: 'POST', url: '/api/auth/totp/activate', headers: bearer(accessToken), payload: { code: totpCodeAt(secret, api.clock.now.getTime()) } });
      expect(ok.statusCode).toBe(204);
      expect((await login(clinic.emails.dispatcher, TEST_PASSWORD)).json().status).toBe('totp_required');
      await t.db.query(`UPDATE users SET totp_enabled = false, totp_secret = NULL WHERE id = $1`, [clinic.users.dispatcher]);
    });
  });

  describe('tokens', () => {
    it('rotates refresh tokens and revokes the session when an old one is reused', async () => {
      const first = await signIn(api, clinic.emails.clinician);
      const refreshed = await api.app.inject({ method: 'POST', url: '/api/auth/refresh', headers, payload: { refreshToken: first.refreshToken } });
      expect(refreshed.statusCode).toBe(200);
      const second = refreshed.json();
      expect(second.refreshToken).not.toBe(first.refreshToken);
      expect((await api.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(second.accessToken) })).statusCode).toBe(200);
      // Someone replays the first token: the whole session ends, including the newest tokens.
      const reuse = await api.app.inject({ method: 'POST', url: '/api/auth/refresh', headers, payload: { refreshToken: first.refreshToken } });
      expect(reuse.statusCode).toBe(401);
      expect((await api.app.inject({ method: 'POST', url: '/api/auth/refresh', headers, payload: { refreshToken: second.refreshToken } })).statusCode).toBe(401);
      expect((await api.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(second.accessToken) })).statusCode).toBe(401);
    });

    it('stores refresh tokens only as hashes', async () => {
      const { refreshToken } = await signIn(api, clinic.emails.clinician);
      const { rows } = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM refresh_tokens WHERE token_hash = $1', [refreshToken]);
      expect(rows[0]!.n).toBe(0);
    });

    it('sign-out revokes the access and refresh tokens of that session only', async () => {
      const a = await signIn(api, clinic.emails.clinician);
      const b = await signIn(api, clinic.emails.clinician);
      const out = await api.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(a.accessToken) });
      expect(out.statusCode).toBe(204);
      expect((await api.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(a.accessToken) })).statusCode).toBe(401);
      expect((await api.app.inject({ method: 'POST', url: '/api/auth/refresh', headers, payload: { refreshToken: a.refreshToken } })).statusCode).toBe(401);
      expect((await api.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(b.accessToken) })).statusCode).toBe(200);
    });

    it('expires access tokens, answering token_expired so the client refreshes', async () => {
      const s = await signIn(api, clinic.emails.clinician);
      api.clock.advanceMinutes(ACCESS_TOKEN_TTL_SECONDS / 60 + 1);
      const res = await api.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(s.accessToken) });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('token_expired');
      const refreshed = await api.app.inject({ method: 'POST', url: '/api/auth/refresh', headers, payload: { refreshToken: s.refreshToken } });
      expect((await api.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(refreshed.json().accessToken) })).statusCode).toBe(200);
    });

    it('refuses a tampered access token', async () => {
      const s = await signIn(api, clinic.emails.clinician);
      const [prefix, body, mac] = s.accessToken.split('.');
      const claims = JSON.parse(Buffer.from(body!, 'base64url').toString());
      const forged = `${prefix}.${Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url')}.${mac}`;
      const res = await api.app.inject({ method: 'GET', url: '/api/admin/users', headers: bearer(forged) });
      expect(res.statusCode).toBe(401);
    });

    it('a disabled user loses access at once', async () => {
      const s = await signIn(api, clinic.emails.otherClinician);
      await t.db.query('UPDATE users SET disabled = true WHERE id = $1', [clinic.users.otherClinician]);
      expect((await api.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(s.accessToken) })).statusCode).toBe(401);
      expect((await login(clinic.emails.otherClinician, TEST_PASSWORD)).statusCode).toBe(401);
      await t.db.query('UPDATE users SET disabled = false WHERE id = $1', [clinic.users.otherClinician]);
    });
  });
});

describeEachDriver('unlocking a locked workstation', (driver) => {
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

  it('accepts the signed-in user\'s password, refuses a wrong one, and counts failures toward lockout', async () => {
    const { accessToken } = await signIn(api, clinic.emails.clinician);
    const unlock = (payload: object) => api.app.inject({ method: 'POST', url: '/api/auth/unlock', headers: bearer(accessToken), payload });
    expect((await unlock({ password: TEST_PASSWORD })).statusCode).toBe(204);
    for (let i = 0; i < MAX_FAILED_SIGN_INS - 1; i++) expect((await unlock({ password: 'wrong' })).statusCode).toBe(403);
    expect((await unlock({ password: 'wrong' })).statusCode).toBe(423);
    expect((await unlock({ password: TEST_PASSWORD })).statusCode).toBe(423);
    const { rows } = await t.db.query<{ outcome: string }>(`SELECT outcome FROM audit_log WHERE action = 'auth.unlock' AND user_id = $1 ORDER BY id`, [clinic.users.clinician]);
    expect(rows.map((r) => r.outcome)).toEqual(['allowed', ...Array(MAX_FAILED_SIGN_INS).fill('failed')]);
  });

  it('accepts a current TOTP code for a user with a second factor', async () => {
    const { accessToken } = await signIn(api, clinic.emails.admin);
    api.clock.advanceMinutes(1);
    const res = await api.app.inject({ method: 'POST', url: '/api/auth/unlock', headers: bearer(accessToken), payload: { code: totpCodeAt(ADMIN_TOTP_SECRET, api.clock.now.getTime()) } });
    expect(res.statusCode).toBe(204);
  });

  it('serves the workstation lock settings before sign-in', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/api/config' });
    expect(res.json()).toEqual({ autoLockMinutes: 15, signOutAfterMinutes: 480, offlineCacheMaxAgeHours: 72 });
  });
});
