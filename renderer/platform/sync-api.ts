// Calls of /api/sync/push and /api/sync/pull for the sync engine, through the API client (token refresh
// included). createSyncApi takes another requester so tests can run several devices with their own sessions.
import { PullResponseSchema, PushResponseSchema } from '../../shared/sync/protocol';
import type { PullResponse, PushRequest, PushResponse } from '../../shared/sync/protocol';
import type { ApiRequestOptions } from './api-client';
import { apiRequest } from './api-client';
import type { Result } from './result';

export interface SyncApi {
  push(request: PushRequest, signal?: AbortSignal): Promise<Result<PushResponse>>;
  pull(query: { cursor: string; limit: number }, signal?: AbortSignal): Promise<Result<PullResponse>>;
}

/** Anything that sends an API request the way apiRequest does. */
export type ApiRequester = <T>(options: ApiRequestOptions<T>) => Promise<Result<T>>;

const PUSH_TIMEOUT_MS = 60_000;
const PULL_TIMEOUT_MS = 60_000;

export function createSyncApi(request: ApiRequester = apiRequest): SyncApi {
  return {
    push: (body, signal) =>
      request({ method: 'POST', path: '/api/sync/push', body, schema: PushResponseSchema, timeoutMs: PUSH_TIMEOUT_MS, ...(signal ? { signal } : {}) }),
    pull: ({ cursor, limit }, signal) =>
      request({ path: '/api/sync/pull', query: { cursor, limit }, schema: PullResponseSchema, timeoutMs: PULL_TIMEOUT_MS, ...(signal ? { signal } : {}) }),
  };
}

/** The workstation's sync API: the signed-in session's tokens, the configured server. */
export const syncApi: SyncApi = createSyncApi();
