// Sign-in rate limits, per caller address and per account, on top of the lockout: 429 with a clear message
// and Retry-After, nothing issued while limited, and the window reopening when its time has passed.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../server/http/app';
import { DEFAULT_RATE_LIMITS } from '../../server/http/rate-limit';
import { ApiErrorSchema } from '../../shared/api/errors';
import { describeEachDriver, openTestDatabase } from './support/databases';
import type { TestDatabase } from './support/databases';
import { seedTestClinic, TEST_PASSWORD } from './support/fixtures';
import type { TestClinic } from './support/fixtures';

describeEachDriver('sign-in rate limits', (driver) => {
  let t: TestDatabase;
  let clinic: TestClinic;
  const clock = { now: new Date() };
  const advanceSeconds = (s: number) => { clock.now = new Date(clock.now.getTime() + s * 1000); };
  let app: Awaited<ReturnType<typeof buildApp>>;
  let defaults: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    t = await openTestDatabase(driver);
    clinic = await seedTestClinic(t.db);
    app = await buildApp({
      db: t.db, tokenSecret: 'test-secret-that-is-long-enough-0123456789', logLevel: 'silent', now: () => clock.now,
      rateLimits: { signInPerIp: { max: 6, windowSeconds: 60 }, signInPerAccount: { max: 3, windowSeconds: 120 }, joinPerIp: { max: 2, windowSeconds: 60 } },
    });
    defaults = await buildApp({ db: t.db, tokenSecret: 'test-secret-that-is-long-enough-0123456789', logLevel: 'silent', now: () => clock.now });
  });
  afterAll(async () => {
    await app.close();
    await defaults.close();
    await t.dispose();
  });

  const login = (target: typeof app, email: string, ip: string, password = TEST_PASSWORD) =>
    target.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, payload: { email, password } });
  const sessions = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions')).rows[0]!.n;

  it('limits sign-in per account from any address: 429, Retry-After, nothing issued; open again after the window', async () => {
    for (let i = 0; i < 3; i++) expect((await login(app, clinic.emails.clinician, `10.0.1.${i}`)).statusCode).toBe(200);
    const before = await sessions();
    const limited = await login(app, clinic.emails.clinician.toUpperCase(), '10.0.1.99');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('120');
    const body = ApiErrorSchema.parse(limited.json());
    expect(body.error.code).toBe('rate_limited');
    expect(body.error.message).toBe('Too many sign-in attempts for this account. Wait 120 seconds and try again.');
    expect(limited.body).not.toContain(clinic.emails.clinician);
    expect(await sessions()).toBe(before);
    // Another account from the same address is not affected.
    expect((await login(app, clinic.emails.dispatcher, '10.0.1.99')).statusCode).toBe(200);
    advanceSeconds(90);
    const later = await login(app, clinic.emails.clinician, '10.0.1.98');
    expect(later.statusCode).toBe(429);
    expect(later.headers['retry-after']).toBe('30');
    advanceSeconds(31);
    expect((await login(app, clinic.emails.clinician, '10.0.1.98')).statusCode).toBe(200);
  });

  it('limits sign-in per address across accounts, wrong passwords included, and the second step counts too', async () => {
    advanceSeconds(600);
    const ip = '10.0.2.1';
    for (let i = 0; i < 5; i++) expect((await login(app, `nobody-${i}@test.housecall.test`, ip, 'wrong password')).statusCode).toBe(401);
    const totp = await app.inject({ method: 'POST', url: '/api/auth/totp', remoteAddress: ip, payload: { challengeToken: 'not-a-challenge', code: '123456' } });
    expect(totp.statusCode).toBe(401);
    const limited = await login(app, clinic.emails.courier, ip);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json().error.message).toMatch(/^Too many sign-in attempts from this address\. Wait \d+ seconds? and try again\.$/);
    const limitedTotp = await app.inject({ method: 'POST', url: '/api/auth/totp', remoteAddress: ip, payload: { challengeToken: 'x', code: '123456' } });
    expect(limitedTotp.statusCode).toBe(429);
    // The right password from another address still works: the limit is the address's, not the account's.
    expect((await login(app, clinic.emails.courier, '10.0.2.2')).statusCode).toBe(200);
  });

  it('limits patient visit-link openings per address: guessing links gets 429 with Retry-After', async () => {
    advanceSeconds(600);
    const open = (ip: string) => app.inject({ method: 'POST', url: '/api/join/session', remoteAddress: ip, payload: { token: 'A'.repeat(43) } });
    for (let i = 0; i < 2; i++) expect((await open('10.0.4.1')).statusCode).not.toBe(429); // refused as an unknown link
    const limited = await open('10.0.4.1');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json().error.message).toMatch(/^Too many attempts to open a visit link from this address\. Wait \d+ seconds? and try again\.$/);
    expect((await open('10.0.4.2')).statusCode).not.toBe(429);
  });

  it('a limited attempt does not count toward the lockout (the limiter answers before the password is checked)', async () => {
    advanceSeconds(600);
    await t.db.query('UPDATE users SET failed_attempts = 0 WHERE email = $1', [clinic.emails.otherClinician]);
    for (let i = 0; i < 3; i++) await login(app, clinic.emails.otherClinician, `10.0.3.${i}`, 'wrong password');
    expect((await login(app, clinic.emails.otherClinician, '10.0.3.9', 'wrong password')).statusCode).toBe(429);
    const { rows } = await t.db.query<{ failed_attempts: number }>('SELECT failed_attempts FROM users WHERE email = $1', [clinic.emails.otherClinician]);
    expect(rows[0]!.failed_attempts).toBe(3);
  });

  it('applies the default limits when none are configured', async () => {
    advanceSeconds(600);
    const { max } = DEFAULT_RATE_LIMITS.signInPerAccount;
    for (let i = 0; i < max; i++) expect((await login(defaults, clinic.emails.courier, `10.0.4.${i}`)).statusCode).toBe(200);
    expect((await login(defaults, clinic.emails.courier, '10.0.4.200')).statusCode).toBe(429);
  });
});
