// What locking does to the local data layer: close it (the cache key leaves memory, live queries stop) and reopen it
// on unlock; drafts and an in-progress visit note live in the encrypted IndexedDB and come back when screens re-mount.
import type { User } from '../../../shared/domain/user';
import { startDataLayer, stopDataLayer } from '../../data';

export interface LockDataGate {
  lock(): Promise<void>;
  unlock(user: Pick<User, 'id' | 'role'>): Promise<void>;
}

/**
 * INTEGRATION POINT (data layer): replace with lockDataLayer()/unlockDataLayer() when renderer/data exposes them.
 * Until then the lock closes the layer without wiping it (stopDataLayer({ wipe: false })) and reopens it for the same
 * user, which opens the same encrypted cache with the key from the OS key store / browser key vault.
 */
export const defaultLockDataGate: LockDataGate = {
  lock: () => stopDataLayer({ wipe: false }),
  unlock: (user) => startDataLayer(user),
};
