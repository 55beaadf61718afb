// Why a sync round stopped, in plain PHI-free words, and whether the server was reachable at all.
import type { ApiFailure } from '../platform';

export class SyncFailure extends Error {
  constructor(
    message: string,
    /** The care server answered (so it is reachable), even if it refused or failed. */
    readonly reachable: boolean,
    /** The server asked to wait this long before trying again. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'SyncFailure';
  }
}

export function failureFromApi(error: ApiFailure): SyncFailure {
  const retryAfterMs = error.retryAfterSeconds !== undefined ? error.retryAfterSeconds * 1000 : null;
  if (error.status === 0) {
    if (error.code === 'aborted') return new SyncFailure('Sync was stopped.', false);
    return new SyncFailure('The care server cannot be reached.', false);
  }
  if (error.status === 401) return new SyncFailure('Sign in again to sync your changes.', true);
  if (error.status === 403) return new SyncFailure('Your role does not keep clinical data on this device.', true);
  if (error.status === 429) return new SyncFailure('The care server asked to slow down; sync will resume shortly.', true, retryAfterMs);
  if (error.code === 'invalid_response') return new SyncFailure('The care server sent an unexpected answer; sync will try again.', true, retryAfterMs);
  return new SyncFailure('The care server had a problem; sync will try again.', true, retryAfterMs);
}
