// Sync status feature: the header control and panel (pending changes, conflicts, progress) and the frame's
// first-sync notice.
export { SyncStatusControl } from './SyncStatusControl';
export { FirstSyncNotice } from './FirstSyncNotice';
export { openSyncPanel, closeSyncPanel, resetSyncPanelStore, useSyncPanelStore, initialSyncPanelState } from './sync-panel-store';
export type { SyncPanelState } from './sync-panel-store';
export { syncSummary } from './sync-summary';
export { useEffectiveSyncStatus } from './use-effective-sync-status';
export type { SyncSummary, SyncTone } from './sync-summary';
