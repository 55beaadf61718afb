// Calls of /api/auth/*: sign-in, second factor, enrolment, restore (refresh), current user, sign-out, and turning
// on two-step verification from the settings.
// Tokens from a successful sign-in go straight into the token store; callers get the user and the next step.
import { z } from 'zod';
import { LoginResponseSchema, TotpEnrollResponseSchema } from '../../shared/api/auth';
import type { LoginRequest, LoginResponse, TotpConfirmRequest, TotpEnrollResponse, TotpVerifyRequest } from '../../shared/api/auth';
import type { User } from '../../shared/domain/user';
import { UserSchema } from '../../shared/domain/user';
import { apiRequest, refreshSession } from './api-client';
import type { Result } from './result';
import { tokenStore } from './token-store';

/** The answer of a sign-in step with the tokens already stored: what the UI needs to know. */
export type SignInStep =
  | { status: 'signed_in'; user: User }
  | { status: 'totp_required'; challengeToken: string }
  | { status: 'totp_enrollment_required'; challengeToken: string; secret: string; otpauthUri: string };

function toStep(response: LoginResponse): SignInStep {
  if (response.status !== 'signed_in') return response;
  tokenStore.accept(response);
  return { status: 'signed_in', user: response.user };
}

const mapStep = (result: Result<LoginResponse>): Result<SignInStep> => (result.ok ? { ok: true, value: toStep(result.value) } : result);

export async function signIn(request: LoginRequest): Promise<Result<SignInStep>> {
  return mapStep(await apiRequest({ method: 'POST', path: '/api/auth/login', body: request, schema: LoginResponseSchema, auth: false }));
}

export async function verifyTotp(request: TotpVerifyRequest): Promise<Result<SignInStep>> {
  return mapStep(await apiRequest({ method: 'POST', path: '/api/auth/totp', body: request, schema: LoginResponseSchema, auth: false }));
}

export async function confirmTotpEnrollment(request: TotpVerifyRequest): Promise<Result<SignInStep>> {
  return mapStep(await apiRequest({ method: 'POST', path: '/api/auth/totp/enroll', body: request, schema: LoginResponseSchema, auth: false }));
}

/** Restores a session after a reload from the stored refresh token. Null when there is nothing to restore. */
export async function restoreSession(): Promise<Result<User> | null> {
  if (!tokenStore.refreshToken()) return null;
  const result = await refreshSession();
  return result.ok ? { ok: true, value: result.value.user } : result;
}

export function hasStoredSession(): boolean {
  return tokenStore.hasSession();
}

export async function currentUser(): Promise<Result<User>> {
  return apiRequest({ path: '/api/auth/me', schema: z.object({ user: UserSchema }) }).then((r) => (r.ok ? { ok: true, value: r.value.user } : r));
}

/**
 * Ends the session: revokes it on the server (best effort; an expired access token is refreshed first so the
 * server session really ends) and always forgets the tokens locally, even when the server cannot be reached.
 */
export async function signOut(): Promise<void> {
  if (tokenStore.hasSession()) {
    await apiRequest({ method: 'POST', path: '/api/auth/logout', schema: null, timeoutMs: 5_000 });
  }
  tokenStore.clear();
}

/** Starts turning on two-step verification for the signed-in user: a new secret, inactive until a code confirms it. */
export function startTotpSetup(): Promise<Result<TotpEnrollResponse>> {
  return apiRequest({ method: 'POST', path: '/api/auth/totp/setup', schema: TotpEnrollResponseSchema });
}

/** Confirms the new secret with a code from the authenticator app; from then on sign-in asks for a code. */
export async function activateTotp(body: TotpConfirmRequest): Promise<Result<void>> {
  const r = await apiRequest({ method: 'POST', path: '/api/auth/totp/activate', body, schema: null });
  return r.ok ? { ok: true, value: undefined } : r;
}
