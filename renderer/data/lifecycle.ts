// Starting and stopping the signed-in user's data layer (called by the session on sign-in, restore and
// sign-out), and the DataActions features call, routed to the open layer.
import type { User } from '../../shared/domain/user';
import type { Role } from '../../shared/domain/roles';
import type { DataLayer, DataLayerOptions } from '../sync/data-layer';
import { createDataLayer } from '../sync/data-layer';
import { useActiveLayerStore } from './active-layer';
import { deleteCache } from './cache';
import { defaultEnvironment } from './environment';
import { defaultKeyProvider } from './keys';
import type { DataActions } from './contract';
import { DataError } from './errors';
import { readCacheCounts } from './status';

/** Roles whose workstation keeps clinical data offline (the server's sync routes accept these only). */
export const OFFLINE_DATA_ROLES: readonly Role[] = ['clinician', 'dispatcher', 'courier'];

let starting: Promise<DataLayer | null> | null = null;
/** Bumped by every stop: a start that finishes after a stop closes what it opened. */
let generation = 0;
/** The user of the last start, so sign-out can delete their cache even if it never opened. */
let lastUser: { id: string; options: Omit<DataLayerOptions, 'user'> } | null = null;

const activeLayer = (): DataLayer | null => useActiveLayerStore.getState().layer;

/**
 * Opens the user's encrypted cache and starts syncing (this window leads sync if no other window of the
 * profile does). Works offline: the cache is readable at once. Safe to call again for the same user.
 * Roles without offline data (admin) get no data layer.
 */
export async function startDataLayer(user: Pick<User, 'id' | 'role'>, options: Omit<DataLayerOptions, 'user'> = {}): Promise<void> {
  const current = activeLayer();
  if (current?.userId === user.id) return;
  if (starting) {
    await starting.catch(() => null);
    if (activeLayer()?.userId === user.id) return;
  }
  if (current) await stopDataLayer({ wipe: false });
  if (!OFFLINE_DATA_ROLES.includes(user.role)) return;
  lastUser = { id: user.id, options };
  const myGeneration = generation;
  starting = createDataLayer({ ...options, user });
  try {
    const layer = await starting;
    if (!layer) return;
    if (generation !== myGeneration) {
      await layer.close({ wipe: false }); // stopped while it was opening
      return;
    }
    useActiveLayerStore.setState({ layer, error: null });
  } catch (error) {
    useActiveLayerStore.setState({ layer: null, error: OPEN_FAILED });
    throw error;
  } finally {
    starting = null;
  }
}

const OPEN_FAILED = 'Offline data could not be opened on this device; clinical data is unavailable until it can be.';

/** Stops syncing and closes the cache. wipe: true on sign-out deletes the cache and its key. */
export async function stopDataLayer(options: { wipe: boolean }): Promise<void> {
  generation += 1;
  const pending = starting ? await starting.catch(() => null) : null;
  const layer = activeLayer() ?? pending;
  useActiveLayerStore.setState({ layer: null, error: null });
  if (layer) await layer.close(options);
  else if (options.wipe && lastUser) await wipeUnopenedCache(lastUser.id, lastUser.options);
  if (options.wipe) lastUser = null;
}

/** Sign-out when the cache never opened (e.g. it could not be unlocked): still delete it and its key. */
async function wipeUnopenedCache(userId: string, options: Omit<DataLayerOptions, 'user'>): Promise<void> {
  const env = options.env ?? defaultEnvironment();
  await deleteCache(env, userId, options.keys ?? defaultKeyProvider(env));
}

/**
 * Before signing out: tries to send what is pending (up to timeoutMs) and says what would be lost by a wipe,
 * so the UI can warn ("2 changes have not reached the server").
 */
export async function flushBeforeSignOut(timeoutMs = 5_000): Promise<{ pendingCount: number; conflictCount: number }> {
  const layer = activeLayer();
  if (!layer) return { pendingCount: 0, conflictCount: 0 };
  await Promise.race([layer.sync(), new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
  const { pendingCount, conflictCount } = await readCacheCounts(layer.core.db);
  return { pendingCount, conflictCount };
}

function requireLayer(): DataLayer {
  const layer = activeLayer();
  if (!layer) throw new DataError('not_open', 'Offline data is not available: sign in first.');
  return layer;
}

/** The data actions of the signed-in user's layer. */
export const dataActions: DataActions = {
  queueMutation: async (name, args, options) => requireLayer().actions.queueMutation(name, args, options),
  saveNoteDraft: async (input) => requireLayer().actions.saveNoteDraft(input),
  signNote: async (input) => requireLayer().actions.signNote(input),
  addAddendum: async (input) => requireLayer().actions.addAddendum(input),
  sendMessage: async (input) => requireLayer().actions.sendMessage(input),
  markConversationRead: async (conversationId, upToSeq) => requireLayer().actions.markConversationRead(conversationId, upToSeq),
  resolveConflict: async (id, action) => requireLayer().actions.resolveConflict(id, action),
  syncNow: () => activeLayer()?.actions.syncNow(),
};
