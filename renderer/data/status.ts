// Sync status: what the sync engine knows (reachability, phase, progress, last error, storage warnings) in a
// small zustand store, joined with what the cache says (pending, conflicts, last sync) into the contract's
// SyncStatus. allSynced is true only when nothing at all is unacknowledged.
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { SyncPhase, SyncStatus } from './contract';
import { getMeta } from './meta';
import type { CacheDb } from './schema';

export interface EngineStatus {
  online: boolean;
  phase: SyncPhase;
  progress: { done: number; total: number } | null;
  lastError: string | null;
  storageWarning: string | null;
}

export const initialEngineStatus: EngineStatus = { online: false, phase: 'starting', progress: null, lastError: null, storageWarning: null };

export type EngineStatusStore = StoreApi<EngineStatus>;

export function createEngineStatusStore(): EngineStatusStore {
  return createStore<EngineStatus>()(() => ({ ...initialEngineStatus }));
}

export interface CacheCounts {
  pendingCount: number;
  conflictCount: number;
  lastSyncedAt: string | null;
}

/** Counts from the cache; usable as a live query (Dexie reads only). */
export async function readCacheCounts(db: CacheDb): Promise<CacheCounts> {
  const [pendingCount, conflictCount, lastSyncedAt] = await Promise.all([db.outbox.count(), db.conflicts.count(), getMeta(db, 'lastSyncedAt')]);
  return { pendingCount, conflictCount, lastSyncedAt: lastSyncedAt ?? null };
}

export function composeSyncStatus(engine: EngineStatus, counts: CacheCounts): SyncStatus {
  return {
    online: engine.online,
    phase: engine.phase,
    pendingCount: counts.pendingCount,
    conflictCount: counts.conflictCount,
    lastSyncedAt: counts.lastSyncedAt,
    progress: engine.progress,
    lastError: engine.lastError,
    storageWarning: engine.storageWarning,
    allSynced: engine.online && counts.pendingCount === 0 && counts.conflictCount === 0 && counts.lastSyncedAt !== null,
  };
}

export const SIGNED_OUT_STATUS: SyncStatus = composeSyncStatus(
  { ...initialEngineStatus, phase: 'signed-out' },
  { pendingCount: 0, conflictCount: 0, lastSyncedAt: null },
);
