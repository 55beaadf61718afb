// Starts the local data layer (encrypted cache, outbox, sync) when a session begins and stops it when it ends.
// Admins do not sync clinical data. Failures are logged without details (they could name patients).
import type { User } from '../../../shared/domain/user';
import { startDataLayer, stopDataLayer } from '../../data';

let runningFor: string | null = null;

export function beginDataSession(user: User): void {
  if (user.role === 'admin' || runningFor === user.id) return;
  runningFor = user.id;
  Promise.resolve()
    .then(() => startDataLayer(user))
    .catch((error: unknown) => console.error('Housecall: the local data store could not start', error instanceof Error ? error.name : typeof error));
}

/** wipe: destroy the local database and its key (sign-out); otherwise only stop syncing. */
export async function endDataSession(wipe: boolean): Promise<void> {
  if (runningFor === null && !wipe) return;
  runningFor = null;
  try {
    await stopDataLayer({ wipe });
  } catch (error) {
    console.error('Housecall: the local data store could not be closed', error instanceof Error ? error.name : typeof error);
  }
}
