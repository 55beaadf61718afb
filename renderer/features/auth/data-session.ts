// Starts the local data layer (encrypted cache, outbox, sync) when a session begins and stops it when it ends,
// following the offline-cache policy (maximum age; with the cache disabled, any end of a session wipes it).
// Admins do not sync clinical data. Failures are logged without details (they could name patients).
import type { User } from '../../../shared/domain/user';
import { startDataLayer, stopDataLayer } from '../../data';
import { currentCachePolicy, dataLayerOptionsFor, lastKnownCachePolicy } from '../../platform';
import type { CachePolicy } from '../../platform';

let runningFor: string | null = null;
let policyInForce: CachePolicy = lastKnownCachePolicy();

/** Whether ending a session wipes the device's copy: always on sign-out, and on any end when caching is off. */
export function endWipes(signOut: boolean, policy: CachePolicy): boolean {
  return signOut || !policy.enabled;
}

export function beginDataSession(user: User): void {
  if (user.role === 'admin' || runningFor === user.id) return;
  runningFor = user.id;
  Promise.resolve()
    .then(async () => {
      policyInForce = await currentCachePolicy();
      await startDataLayer(user, dataLayerOptionsFor(policyInForce));
    })
    .catch((error: unknown) => console.error('Housecall: the local data store could not start', error instanceof Error ? error.name : typeof error));
}

/** signOut: the user signed out (always wipes); otherwise the session ended and only the policy decides. */
export async function endDataSession(signOut: boolean): Promise<void> {
  const wipe = endWipes(signOut, policyInForce);
  if (runningFor === null && !wipe) return;
  runningFor = null;
  try {
    await stopDataLayer({ wipe });
  } catch (error) {
    console.error('Housecall: the local data store could not be closed', error instanceof Error ? error.name : typeof error);
  }
}
