// Shell feature: the signed-in app frame (banner, main navigation, workspaces) and connectivity state.
export { AppFrame } from './AppFrame';
export type { AppFrameProps } from './AppFrame';
export { useShellStore, initialShellState, resetShellStore, selectWorkspace } from './shell-store';
export type { ShellState } from './shell-store';
export { useConnectivityStore, initialConnectivityState } from './connectivity-store';
export type { ConnectivityState } from './connectivity-store';
export { WORKSPACES_BY_ROLE, WORKSPACE_LABELS, workspacesFor, effectiveWorkspace, syncsData } from './workspaces';
export type { WorkspaceId } from './workspaces';
export { preloadHomeWorkspaces } from './lazy-workspaces';
