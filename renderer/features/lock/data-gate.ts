// What locking does to the local data layer: close it (the cache key leaves memory, live queries stop) and reopen it
// on unlock with the offline-cache policy in force; drafts and an in-progress visit note live in the encrypted
// IndexedDB and come back when screens re-mount.
import type { User } from '../../../shared/domain/user';
import { startDataLayer, stopDataLayer } from '../../data';
import { currentCachePolicy, dataLayerOptionsFor } from '../../platform';

export interface LockDataGate {
  lock(): Promise<void>;
  unlock(user: Pick<User, 'id' | 'role'>): Promise<void>;
}

/** Locking closes the layer without wiping it; unlocking reopens the same encrypted cache for the same user. */
export const defaultLockDataGate: LockDataGate = {
  lock: () => stopDataLayer({ wipe: false }),
  unlock: async (user) => startDataLayer(user, dataLayerOptionsFor(await currentCachePolicy())),
};
