// The one-line truth about sync for the header button: what is waiting, what needs attention, whether the
// server can be reached. It says "all changes saved to server" only when the data layer says allSynced.
import type { SyncPhase, SyncStatus } from '../../data';

export type SyncTone = 'ok' | 'busy' | 'waiting' | 'offline' | 'attention';

export interface SyncSummary {
  /** Accessible name and visible text of the header button, e.g. "Sync: offline — 3 changes waiting". */
  label: string;
  tone: SyncTone;
}

export const changes = (n: number): string => (n === 1 ? '1 change' : `${n.toLocaleString()} changes`);

export function progressPercent(progress: { done: number; total: number }): number {
  return progress.total > 0 ? Math.min(100, Math.floor((progress.done / progress.total) * 100)) : 0;
}

export function syncSummary(status: SyncStatus): SyncSummary {
  if (status.allSynced) return { label: 'Sync: all changes saved to server', tone: 'ok' };
  // No data layer open yet: the session has just begun (or the local store could not be opened).
  if (status.phase === 'signed-out') return { label: 'Sync: starting', tone: 'busy' };
  const offline = status.online ? '' : 'offline — ';
  const parts: string[] = [];
  if (status.conflictCount > 0) parts.push(`${changes(status.conflictCount)} ${status.conflictCount === 1 ? 'needs' : 'need'} attention`);
  if (status.pendingCount > 0) parts.push(`${changes(status.pendingCount)} waiting`);
  if (parts.length > 0) {
    return { label: `Sync: ${offline}${parts.join(', ')}`, tone: status.conflictCount > 0 ? 'attention' : status.online ? 'waiting' : 'offline' };
  }
  if (status.progress || status.phase === 'first-sync') {
    const percent = status.progress ? ` (${progressPercent(status.progress)}%)` : '';
    return { label: `Sync: ${offline}downloading your patients${percent}`, tone: status.online ? 'busy' : 'offline' };
  }
  if (!status.online) return { label: status.lastSyncedAt ? 'Sync: offline — no changes waiting' : 'Sync: offline — not synced yet', tone: 'offline' };
  if (status.lastError) return { label: 'Sync: last attempt failed, trying again', tone: 'waiting' };
  if (!status.lastSyncedAt) return { label: 'Sync: connecting to the care server', tone: 'busy' };
  return { label: 'Sync: checking for changes', tone: 'busy' };
}

const PHASES: Record<SyncPhase, string> = {
  starting: 'Starting',
  idle: 'Waiting for changes',
  pushing: 'Sending your changes',
  pulling: 'Receiving changes',
  'first-sync': 'Downloading your patients for the first time',
  'waiting-to-retry': 'Waiting to try again',
  'signed-out': 'Opening the data stored on this device',
};

export const phaseText = (phase: SyncPhase): string => PHASES[phase];
