// The API client features use: attaches the access token, refreshes it once on 'token_expired' (single-flight,
// shared by concurrent requests) and retries, and ends the session when the server no longer accepts it.
import { RefreshRequestSchema, TokensSchema } from '../../shared/api/auth';
import type { Tokens } from '../../shared/api/auth';
import type { SendOptions } from './http';
import { send } from './http';
import type { ApiFailure, Result } from './result';
import { emitSessionEvent } from './session-events';
import { tokenStore } from './token-store';

export type ApiRequestOptions<T> = Omit<SendOptions<T>, 'bearer'> & {
  /** Send the Bearer token (default true). */
  auth?: boolean;
};

const SESSION_ENDED = 'Your session has ended. Sign in again.';
let inFlightRefresh: Promise<Result<Tokens>> | null = null;

function endSession(message = SESSION_ENDED): void {
  tokenStore.clear();
  emitSessionEvent({ type: 'ended', message });
}

async function doRefresh(): Promise<Result<Tokens>> {
  const refreshToken = tokenStore.refreshToken();
  if (!refreshToken) return { ok: false, error: { status: 401, code: 'unauthenticated', message: SESSION_ENDED } };
  const body = RefreshRequestSchema.parse({ refreshToken });
  const result = await send({ method: 'POST', path: '/api/auth/refresh', body, schema: TokensSchema });
  if (result.ok) {
    tokenStore.accept(result.value);
    emitSessionEvent({ type: 'refreshed', user: result.value.user });
  } else if (result.error.status === 401) {
    endSession();
  }
  // Other failures (offline, server down) keep the refresh token: the next request tries again.
  return result;
}

/**
 * Exchanges the refresh token for new tokens (rotation). Concurrent callers share one request, so a rotated
 * refresh token is never sent twice.
 */
export function refreshSession(): Promise<Result<Tokens>> {
  if (!inFlightRefresh) {
    inFlightRefresh = doRefresh().finally(() => {
      inFlightRefresh = null;
    });
  }
  return inFlightRefresh;
}

async function bearerToken(): Promise<Result<string>> {
  const fresh = tokenStore.freshAccessToken();
  if (fresh) return { ok: true, value: fresh };
  if (tokenStore.refreshToken()) {
    const refreshed = await refreshSession();
    if (refreshed.ok) return { ok: true, value: refreshed.value.accessToken };
    return refreshed;
  }
  const stale = tokenStore.anyAccessToken();
  if (stale) return { ok: true, value: stale };
  return { ok: false, error: { status: 401, code: 'unauthenticated', message: 'Sign in to continue.' } };
}

/** A usable access token (refreshed first when it is about to expire), e.g. for the WebSocket; null when signed out. */
export async function currentAccessToken(): Promise<string | null> {
  const token = await bearerToken();
  return token.ok ? token.value : null;
}

const isExpired = (error: ApiFailure): boolean => error.status === 401 && error.code === 'token_expired';

export async function apiRequest<T>(options: ApiRequestOptions<T>): Promise<Result<T>> {
  const { auth = true, ...rest } = options;
  if (!auth) return send(rest);

  const token = await bearerToken();
  if (!token.ok) return token;
  const first = await send({ ...rest, bearer: token.value });
  if (first.ok || first.error.status !== 401) return first;
  if (!isExpired(first.error)) {
    endSession();
    return first;
  }
  // Another request may already have refreshed while this one was in flight: use its token.
  const current = tokenStore.freshAccessToken();
  let retryToken: string;
  if (current && current !== token.value) {
    retryToken = current;
  } else {
    const refreshed = await refreshSession();
    if (!refreshed.ok) return refreshed;
    retryToken = refreshed.value.accessToken;
  }
  const second = await send({ ...rest, bearer: retryToken });
  if (!second.ok && second.error.status === 401) endSession();
  return second;
}
