// The signed-in app frame: banner, role-specific main navigation, and the selected workspace in <main>.
import { useEffect } from 'react';
import type { User } from '../../../shared/domain/user';
import { AppHeader } from './AppHeader';
import { useConnectivityWatcher } from './connectivity-store';
import { MainNav } from './MainNav';
import { resetShellStore, selectWorkspace, useShellStore } from './shell-store';
import { WorkspaceView } from './WorkspaceView';
import { effectiveWorkspace, WORKSPACE_LABELS, workspacesFor } from './workspaces';

export interface AppFrameProps {
  user: User;
}

export function AppFrame({ user }: AppFrameProps) {
  useConnectivityWatcher();
  useEffect(() => resetShellStore, []);
  const selected = useShellStore((s) => s.workspace);
  const workspace = effectiveWorkspace(user.role, selected);

  return (
    <div className="hc-frame">
      <AppHeader user={user} />
      <div className="hc-frame__body">
        <MainNav items={workspacesFor(user.role)} current={workspace} onSelect={selectWorkspace} />
        <main id="main-content" className="hc-main" tabIndex={-1}>
          <h1 className="hc-main__heading">{WORKSPACE_LABELS[workspace]}</h1>
          <WorkspaceView key={workspace} workspace={workspace} />
        </main>
      </div>
    </div>
  );
}
