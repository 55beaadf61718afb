// Builds the real Fastify app over a test database, with a controllable clock, and signs users in through it.
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../server/db/database';
import { buildApp } from '../../../server/http/app';
import { totpCodeAt } from '../../../server/auth/totp';
import { ADMIN_TOTP_SECRET, TEST_PASSWORD } from './fixtures';

export const TEST_DEVICE = 'test-device-0001';

export interface TestApp {
  app: FastifyInstance;
  clock: { now: Date; advanceMinutes(minutes: number): void };
}

export async function buildTestApp(db: Database): Promise<TestApp> {
  const clock = {
    now: new Date(),
    advanceMinutes(minutes: number) {
      this.now = new Date(this.now.getTime() + minutes * 60_000);
    },
  };
  // Tests sign in far more often than people do, on a stopped clock: sign-in rate limits are tested on their own
  // (tests/server/rate-limit.test.ts), so here they are out of the way.
  const unlimited = { max: 1_000_000, windowSeconds: 60 };
  const app = await buildApp({
    db, tokenSecret: 'test-secret-that-is-long-enough-0123456789', logLevel: 'silent', now: () => clock.now,
    rateLimits: { signInPerIp: unlimited, signInPerAccount: unlimited, joinPerIp: unlimited },
  });
  return { app, clock };
}

export async function signIn(t: TestApp, email: string, options: { totpSecret?: string } = {}): Promise<{ accessToken: string; refreshToken: string }> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-housecall-device': TEST_DEVICE }, payload: { email, password: TEST_PASSWORD } });
  let body = res.json();
  if (body.status === 'totp_required') {
    t.clock.advanceMinutes(0.5); // a TOTP code is accepted once: each sign-in uses the next time step
    const code = totpCodeAt(options.totpSecret ?? ADMIN_TOTP_SECRET, t.clock.now.getTime());
    const second = await t.app.inject({ method: 'POST', url: '/api/auth/totp', headers: { 'x-housecall-device': TEST_DEVICE }, payload: { challengeToken: body.challengeToken, code } });
    body = second.json();
  }
  if (body.status !== 'signed_in') throw new Error(`sign-in failed for test user: ${res.statusCode} ${JSON.stringify(body)}`);
  return { accessToken: body.accessToken, refreshToken: body.refreshToken };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}`, 'x-housecall-device': TEST_DEVICE });
