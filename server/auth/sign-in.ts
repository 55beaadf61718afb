// The sign-in flow: password (argon2id), lockout after repeated failures, TOTP second factor and its
// enrolment (required for admins), and issuing a session with access + refresh tokens.
import type { Database, Queryable } from '../db/database';
import type { LoginResponse, Tokens } from '../../shared/api/auth';
import { ACCESS_TOKEN_TTL_SECONDS, LOCKOUT_MINUTES, MAX_FAILED_SIGN_INS } from '../../shared/api/auth';
import type { Actor } from '../audit/audit-log';
import { audit } from '../audit/audit-log';
import { HttpError, unauthenticated } from '../http/errors';
import { decoyPasswordHash, verifyPassword } from './passwords';
import { createSession, rotateRefreshToken } from './sessions';
import type { TokenSigner } from './tokens';
import { checkTotp, newTotpSecret, otpauthUri } from './totp';
import type { SignInRecord } from './users';
import { getSignInRecord, getUser } from './users';

const CHALLENGE_TTL_SECONDS = 5 * 60;
const WRONG_CREDENTIALS = 'Email or password is incorrect.';

export interface SignInDeps {
  db: Database;
  signer: TokenSigner;
  now: () => Date;
}

export interface SignInContext {
  deviceId: string;
  ip: string | null;
}

const anonymousActor = (ctx: SignInContext, userId: string | null = null, role: string | null = null): Actor => ({
  userId, role, sessionId: null, deviceId: ctx.deviceId, ip: ctx.ip,
});

function lockedOut(until: Date): HttpError {
  return new HttpError(423, 'locked_out', `Too many failed attempts. This account is locked until ${until.toISOString()}.`);
}

/** Counts a failure; locks the account when the limit is reached. Runs in the caller's transaction. */
async function recordFailure(db: Queryable, record: SignInRecord, now: Date): Promise<Date | null> {
  const attempts = record.failedAttempts + 1;
  if (attempts >= MAX_FAILED_SIGN_INS) {
    const until = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
    await db.query('UPDATE users SET failed_attempts = 0, locked_until = $2 WHERE id = $1', [record.id, until]);
    return until;
  }
  await db.query('UPDATE users SET failed_attempts = $2 WHERE id = $1', [record.id, attempts]);
  return null;
}

async function issueTokens(deps: SignInDeps, db: Queryable, userId: string, ctx: SignInContext): Promise<Tokens> {
  const now = deps.now();
  const user = await getUser(db, userId);
  if (!user) throw unauthenticated();
  const { sessionId, refreshToken } = await createSession(db, userId, ctx.deviceId, ctx.ip, now);
  const accessToken = deps.signer.issueAccess({ sub: userId, sid: sessionId, role: user.role }, ACCESS_TOKEN_TTL_SECONDS, Math.floor(now.getTime() / 1000));
  await audit(db, { userId, role: user.role, sessionId, deviceId: ctx.deviceId, ip: ctx.ip }, { action: 'auth.sign_in', outcome: 'allowed' });
  return { accessToken, expiresIn: ACCESS_TOKEN_TTL_SECONDS, refreshToken, user };
}

export async function signInWithPassword(deps: SignInDeps, email: string, password: string, ctx: SignInContext): Promise<LoginResponse> {
  // The password check runs outside the transaction (argon2 is slow); the outcome is recorded inside one.
  const candidate = await getSignInRecord(deps.db, { email });
  const passwordOk = await verifyPassword(candidate?.passwordHash ?? (await decoyPasswordHash()), password);
  // Failures are returned, not thrown, from the transaction so that the failure count and the audit row commit.
  const result = await deps.db.transaction(async (tx): Promise<LoginResponse | { failure: HttpError }> => {
    const now = deps.now();
    const record = candidate ? await getSignInRecord(tx, { id: candidate.id }, true) : null;
    if (!record || record.disabled) {
      await audit(tx, anonymousActor(ctx), { action: 'auth.sign_in', outcome: 'failed', detail: { reason: 'unknown_or_disabled' } });
      return { failure: unauthenticated(WRONG_CREDENTIALS) };
    }
    if (record.lockedUntil && record.lockedUntil.getTime() > now.getTime()) {
      await audit(tx, anonymousActor(ctx, record.id, record.role), { action: 'auth.sign_in', outcome: 'denied', detail: { reason: 'locked_out' } });
      return { failure: lockedOut(record.lockedUntil) };
    }
    if (!passwordOk) {
      const until = await recordFailure(tx, record, now);
      await audit(tx, anonymousActor(ctx, record.id, record.role), { action: 'auth.sign_in', outcome: 'failed', detail: { reason: 'wrong_password' } });
      return { failure: until ? lockedOut(until) : unauthenticated(WRONG_CREDENTIALS) };
    }
    await tx.query('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = $1', [record.id]);
    const nowSeconds = Math.floor(now.getTime() / 1000);
    if (record.totpEnabled && record.totpSecret) {
      return { status: 'totp_required', challengeToken: deps.signer.issueChallenge({ purpose: 'totp', sub: record.id }, CHALLENGE_TTL_SECONDS, nowSeconds) };
    }
    if (record.role === 'admin') {
      // Admins must have a second factor: start enrolment with a fresh secret, not enabled until a code proves it.
      const secret = newTotpSecret();
      await tx.query('UPDATE users SET totp_secret = $2, totp_enabled = false WHERE id = $1', [record.id, secret]);
      return {
        status: 'totp_enrollment_required',
        challengeToken: deps.signer.issueChallenge({ purpose: 'enroll', sub: record.id }, CHALLENGE_TTL_SECONDS, nowSeconds),
        secret,
        otpauthUri: otpauthUri(secret, record.email),
      };
    }
    return { status: 'signed_in', ...(await issueTokens(deps, tx, record.id, ctx)) };
  });
  if ('failure' in result) throw result.failure;
  return result;
}

/** Second step: a TOTP code for a 'totp' challenge, or the first code of a new secret for an 'enroll' challenge. */
export async function completeSecondFactor(deps: SignInDeps, challengeToken: string, code: string, purpose: 'totp' | 'enroll', ctx: SignInContext): Promise<LoginResponse> {
  const now = deps.now();
  const check = deps.signer.verifyChallenge(challengeToken, Math.floor(now.getTime() / 1000));
  if (!check.ok || check.claims.purpose !== purpose) {
    throw unauthenticated(check.ok || check.reason !== 'expired' ? 'This sign-in step is not valid. Start again.' : 'This sign-in step has expired. Start again.');
  }
  const userId = check.claims.sub;
  const result = await deps.db.transaction(async (tx) => {
    const record = await getSignInRecord(tx, { id: userId }, true);
    if (!record || record.disabled || !record.totpSecret) throw unauthenticated('This sign-in step is not valid. Start again.');
    if (record.lockedUntil && record.lockedUntil.getTime() > now.getTime()) return { lockedUntil: record.lockedUntil as Date };
    const step = checkTotp(record.totpSecret, code, now.getTime(), record.totpLastStep);
    if (step === null) {
      const until = await recordFailure(tx, record, now);
      await audit(tx, anonymousActor(ctx, record.id, record.role), { action: purpose === 'enroll' ? 'auth.totp_enroll' : 'auth.totp', outcome: 'failed' });
      return until ? { lockedUntil: until as Date } : { wrongCode: true as const };
    }
    await tx.query('UPDATE users SET failed_attempts = 0, locked_until = NULL, totp_last_step = $2, totp_enabled = true WHERE id = $1', [record.id, step]);
    if (purpose === 'enroll') await audit(tx, anonymousActor(ctx, record.id, record.role), { action: 'auth.totp_enroll', outcome: 'allowed' });
    return { tokens: await issueTokens(deps, tx, record.id, ctx) };
  });
  if ('lockedUntil' in result && result.lockedUntil) throw lockedOut(result.lockedUntil);
  if ('wrongCode' in result) throw unauthenticated('That code is not correct. Check your authenticator app and try again.');
  return { status: 'signed_in', ...result.tokens };
}

export async function refreshTokens(deps: SignInDeps, refreshToken: string): Promise<Tokens> {
  const now = deps.now();
  const outcome = await deps.db.transaction(async (tx) => {
    const rotated = await rotateRefreshToken(tx, refreshToken, now);
    if (!rotated.ok) return rotated;
    const user = await getUser(tx, rotated.userId);
    return user ? { ...rotated, user } : ({ ok: false, reason: 'revoked' } as const);
  });
  if (!outcome.ok) throw unauthenticated('Your session has ended. Sign in again.');
  const accessToken = deps.signer.issueAccess({ sub: outcome.userId, sid: outcome.sessionId, role: outcome.user.role }, ACCESS_TOKEN_TTL_SECONDS, Math.floor(now.getTime() / 1000));
  return { accessToken, expiresIn: ACCESS_TOKEN_TTL_SECONDS, refreshToken: outcome.refreshToken, user: outcome.user };
}

/**
 * Unlocks a locked workstation: the signed-in user's password or a current TOTP code. Failures count
 * toward the same lockout as sign-in, so a locked laptop cannot be used to guess a password.
 */
export async function verifyUnlock(deps: SignInDeps, userId: string, proof: { password: string } | { code: string }, actor: Actor): Promise<void> {
  const candidate = await getSignInRecord(deps.db, { id: userId });
  if (!candidate) throw unauthenticated();
  const passwordOk = 'password' in proof ? await verifyPassword(candidate.passwordHash, proof.password) : false;
  const failure = await deps.db.transaction(async (tx): Promise<HttpError | null> => {
    const now = deps.now();
    const record = await getSignInRecord(tx, { id: userId }, true);
    if (!record || record.disabled) return unauthenticated('This session has ended. Sign in again.');
    if (record.lockedUntil && record.lockedUntil.getTime() > now.getTime()) return lockedOut(record.lockedUntil);
    let ok = passwordOk;
    if ('code' in proof) {
      const step = record.totpEnabled && record.totpSecret ? checkTotp(record.totpSecret, proof.code, now.getTime(), record.totpLastStep) : null;
      if (step !== null) await tx.query('UPDATE users SET totp_last_step = $2 WHERE id = $1', [record.id, step]);
      ok = step !== null;
    }
    if (!ok) {
      const until = await recordFailure(tx, record, now);
      await audit(tx, actor, { action: 'auth.unlock', outcome: 'failed' });
      // 403, not 401: the session is still alive, only the proof was wrong.
      return until ? lockedOut(until) : new HttpError(403, 'forbidden', 'That password or code is not correct.');
    }
    await tx.query('UPDATE users SET failed_attempts = 0 WHERE id = $1', [record.id]);
    await audit(tx, actor, { action: 'auth.unlock', outcome: 'allowed' });
    return null;
  });
  if (failure) throw failure;
}
