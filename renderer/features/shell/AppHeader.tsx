// The app frame's banner: product name, sync status (roles that keep data on the device), connectivity,
// who is signed in, and Sign out.
import type { User } from '../../../shared/domain/user';
import { roleLabel } from '../auth';
import { SyncStatusControl } from '../sync-status';
import { ConnectivityIndicator } from './ConnectivityIndicator';
import { SignOutButton } from './SignOutButton';
import { LockButton } from '../lock';
import { syncsData } from './workspaces';
import { WaitingRoomIndicator } from '../schedule';

export interface AppHeaderProps {
  user: User;
}

export function AppHeader({ user }: AppHeaderProps) {
  const syncs = syncsData(user.role);
  return (
    <header className="hc-header">
      <a className="hc-skip-link" href="#main-content">
        Skip to main content
      </a>
      <span className="hc-header__brand">Housecall</span>
      <div className="hc-header__end">
        {user.role === 'clinician' ? <WaitingRoomIndicator user={user} /> : null}
        {syncs ? <SyncStatusControl user={user} /> : null}
        <ConnectivityIndicator />
        <div className="hc-header__user">
          <span className="hc-header__name">{user.displayName}</span>
          <span className="hc-header__role">{roleLabel(user.role)}</span>
        </div>
        <LockButton />
        <SignOutButton syncs={syncs} />
      </div>
    </header>
  );
}
