// The data layer's failures as features see them: a code to branch on and a plain, PHI-free message to show.

export type DataErrorCode =
  | 'not_open' // no signed-in data layer
  | 'invalid' // the change does not pass the mutation's rules
  | 'refused' // the cached record says this change cannot be made (e.g. a signed note)
  | 'storage_full' // the device is out of storage space
  | 'locked' // the local cache cannot be decrypted
  | 'busy' // the cache kept changing under the write; try again
  | 'not_found'; // no such record on this device

export class DataError extends Error {
  constructor(
    readonly code: DataErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DataError';
  }
}

export const STORAGE_FULL_MESSAGE = 'This device is out of storage space: the change was not saved. Free up disk space and try again.';

/** True for IndexedDB's quota error, however Dexie wrapped it. */
export function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const { name, inner } = e as { name?: unknown; inner?: unknown };
    if (name === 'QuotaExceededError') return true;
    e = inner;
  }
  return false;
}
