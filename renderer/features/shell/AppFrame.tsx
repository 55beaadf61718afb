// The signed-in app frame: banner, role-specific main navigation, the first-sync notice, and the selected
// workspace in <main>. Feature UI state is reset when the frame goes away (sign-out).
import { useEffect } from 'react';
import type { User } from '../../../shared/domain/user';
import { registerOfflineShell } from '../offline-shell';
import { resetPatientsStore } from '../patients';
import { resetChatStore } from '../chat';
import { resetDispatchViewStore } from '../dispatch';
import { useUnreadMessageCount } from '../../data';
import { resetScheduleStore } from '../schedule';
import { FirstSyncNotice, resetSyncPanelStore } from '../sync-status';
import { AppHeader } from './AppHeader';
import { useConnectivityWatcher } from './connectivity-store';
import { MainNav } from './MainNav';
import { resetShellStore, selectWorkspace, useShellStore } from './shell-store';
import { WorkspaceView } from './WorkspaceView';
import { effectiveWorkspace, syncsData, WORKSPACE_LABELS, workspacesFor } from './workspaces';

function resetFeatureStores(): void {
  resetShellStore();
  resetScheduleStore();
  resetPatientsStore();
  resetSyncPanelStore();
  resetChatStore();
  resetDispatchViewStore();
}

export interface AppFrameProps {
  user: User;
}

export function AppFrame({ user }: AppFrameProps) {
  useConnectivityWatcher();
  useEffect(() => resetFeatureStores, []);
  useEffect(() => {
    void registerOfflineShell();
  }, []);
  const selected = useShellStore((s) => s.workspace);
  const workspace = effectiveWorkspace(user.role, selected);
  const unread = useUnreadMessageCount() ?? 0;

  return (
    <div className="hc-frame">
      <AppHeader user={user} />
      <div className="hc-frame__body">
        <MainNav items={workspacesFor(user.role)} current={workspace} onSelect={selectWorkspace} counts={unread > 0 ? { inbox: `${unread} unread` } : {}} />
        <main id="main-content" className="hc-main" tabIndex={-1}>
          {syncsData(user.role) ? <FirstSyncNotice /> : null}
          <h1 className="hc-main__heading">{WORKSPACE_LABELS[workspace]}</h1>
          <WorkspaceView key={workspace} workspace={workspace} user={user} />
        </main>
      </div>
    </div>
  );
}
