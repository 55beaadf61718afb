// App-frame UI state (zustand): the selected workspace.
import { create } from 'zustand';
import type { WorkspaceId } from './workspaces';

export interface ShellState {
  workspace: WorkspaceId | null;
}

export const initialShellState: ShellState = { workspace: null };

export const useShellStore = create<ShellState>()(() => ({ ...initialShellState }));

export const selectWorkspace = (workspace: WorkspaceId): void => useShellStore.setState({ workspace });

export function resetShellStore(): void {
  useShellStore.setState({ ...initialShellState }, true);
}
