// Whether the Sync status panel is open (zustand), so other features can open it (e.g. a note in conflict).
import { create } from 'zustand';

export interface SyncPanelState {
  open: boolean;
}

export const initialSyncPanelState: SyncPanelState = { open: false };

export const useSyncPanelStore = create<SyncPanelState>()(() => ({ ...initialSyncPanelState }));

export const openSyncPanel = (): void => useSyncPanelStore.setState({ open: true });
export const closeSyncPanel = (): void => useSyncPanelStore.setState({ open: false });

export function resetSyncPanelStore(): void {
  useSyncPanelStore.setState({ ...initialSyncPanelState }, true);
}
