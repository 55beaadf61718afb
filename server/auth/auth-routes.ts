// /api/auth/*: sign-in with password and second factor, refresh, sign-out, who-am-I, optional TOTP set-up.
import type { z } from 'zod';
import {
  LoginRequestSchema, RefreshRequestSchema, TotpConfirmRequestSchema, TotpVerifyRequestSchema, UnlockRequestSchema,
} from '../../shared/api/auth';
import type { AppDeps } from '../http/deps';
import { DEFAULT_RATE_LIMITS, perBodyField, perIp } from '../http/rate-limit';
import { unauthenticated, HttpError } from '../http/errors';
import { actorOf, deviceIdOf, requirePrincipal } from '../http/request-context';
import { route } from '../http/route';
import type { RouteSpec } from '../http/route';
import { audit } from '../audit/audit-log';
import { completeSecondFactor, refreshTokens, signInWithPassword, verifyUnlock } from './sign-in';
import { revokeSession } from './sessions';
import { getSignInRecord, getUser } from './users';
import { checkTotp, newTotpSecret, otpauthUri } from './totp';

export function authRoutes(deps: AppDeps): RouteSpec[] {
  const limits = deps.rateLimits ?? DEFAULT_RATE_LIMITS;
  const signInPerIp = perIp('sign-in', limits.signInPerIp, 'sign-in attempts from this address');
  const signInPerAccount = perBodyField('sign-in-account', 'email', limits.signInPerAccount, 'sign-in attempts for this account');
  const ctxOf = (request: Parameters<typeof deviceIdOf>[0]) => ({ deviceId: deviceIdOf(request), ip: request.ip });
  return [
    route<z.infer<typeof LoginRequestSchema>>({
      method: 'POST', url: '/api/auth/login', access: 'public', body: LoginRequestSchema, rateLimit: [signInPerIp, signInPerAccount],
      handler: ({ body, request }) => signInWithPassword(deps, body.email, body.password, ctxOf(request)),
    }),
    route<z.infer<typeof TotpVerifyRequestSchema>>({
      method: 'POST', url: '/api/auth/totp', access: 'public', body: TotpVerifyRequestSchema, rateLimit: [signInPerIp],
      handler: ({ body, request }) => completeSecondFactor(deps, body.challengeToken, body.code, 'totp', ctxOf(request)),
    }),
    route<z.infer<typeof TotpVerifyRequestSchema>>({
      method: 'POST', url: '/api/auth/totp/enroll', access: 'public', body: TotpVerifyRequestSchema, rateLimit: [signInPerIp],
      handler: ({ body, request }) => completeSecondFactor(deps, body.challengeToken, body.code, 'enroll', ctxOf(request)),
    }),
    route<z.infer<typeof RefreshRequestSchema>>({
      method: 'POST', url: '/api/auth/refresh', access: 'public', body: RefreshRequestSchema,
      handler: async ({ body }) => ({ status: 'signed_in', ...(await refreshTokens(deps, body.refreshToken)) }),
    }),
    route({
      method: 'POST', url: '/api/auth/logout', access: 'signed-in',
      handler: async ({ request }) => {
        const principal = requirePrincipal(request);
        await deps.db.transaction(async (tx) => {
          await revokeSession(tx, principal.sessionId, deps.now());
          await audit(tx, actorOf(request), { action: 'auth.sign_out', outcome: 'allowed' });
        });
        return undefined;
      },
    }),
    route<z.infer<typeof UnlockRequestSchema>>({
      // The workstation locked itself (idle, OS lock): prove it is still the same person.
      method: 'POST', url: '/api/auth/unlock', access: 'signed-in', body: UnlockRequestSchema,
      handler: async ({ body, request }) => {
        await verifyUnlock(deps, requirePrincipal(request).userId, body, actorOf(request));
        return undefined;
      },
    }),
    route({
      method: 'GET', url: '/api/auth/me', access: 'signed-in',
      handler: async ({ request }) => {
        const user = await getUser(deps.db, requirePrincipal(request).userId);
        if (!user) throw unauthenticated();
        return { user };
      },
    }),
    route({
      // Optional second factor for any user: a new secret, not active until confirmed with a code.
      method: 'POST', url: '/api/auth/totp/setup', access: 'signed-in',
      handler: async ({ request }) => {
        const principal = requirePrincipal(request);
        const record = await getSignInRecord(deps.db, { id: principal.userId });
        if (!record) throw unauthenticated();
        if (record.totpEnabled) throw new HttpError(409, 'conflict', 'Two-step verification is already on for this account.');
        const secret = newTotpSecret();
        await deps.db.query('UPDATE users SET totp_secret = $2 WHERE id = $1 AND NOT totp_enabled', [record.id, secret]);
        return { secret, otpauthUri: otpauthUri(secret, record.email) };
      },
    }),
    route<z.infer<typeof TotpConfirmRequestSchema>>({
      method: 'POST', url: '/api/auth/totp/activate', access: 'signed-in', body: TotpConfirmRequestSchema,
      handler: async ({ body, request }) => {
        const principal = requirePrincipal(request);
        const activated = await deps.db.transaction(async (tx) => {
          const record = await getSignInRecord(tx, { id: principal.userId }, true);
          if (!record?.totpSecret || record.totpEnabled) return false;
          const step = checkTotp(record.totpSecret, body.code, deps.now().getTime(), record.totpLastStep);
          if (step === null) return false;
          await tx.query('UPDATE users SET totp_enabled = true, totp_last_step = $2 WHERE id = $1', [record.id, step]);
          await audit(tx, actorOf(request), { action: 'auth.totp_enroll', outcome: 'allowed' });
          return true;
        });
        if (!activated) throw new HttpError(400, 'validation_failed', 'That code is not correct, or set-up was not started.', ['code']);
        return undefined;
      },
    }),
  ];
}
