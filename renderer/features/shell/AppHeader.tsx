// The app frame's banner: product name, connectivity, who is signed in, and Sign out.
import type { User } from '../../../shared/domain/user';
import { Button } from '../../ui';
import { roleLabel, signOutOfSession, useSessionStore } from '../auth';
import { ConnectivityIndicator } from './ConnectivityIndicator';

export interface AppHeaderProps {
  user: User;
}

export function AppHeader({ user }: AppHeaderProps) {
  const signingOut = useSessionStore((s) => s.signingOut);
  return (
    <header className="hc-header">
      <a className="hc-skip-link" href="#main-content">
        Skip to main content
      </a>
      <span className="hc-header__brand">Housecall</span>
      <div className="hc-header__end">
        <ConnectivityIndicator />
        <div className="hc-header__user">
          <span className="hc-header__name">{user.displayName}</span>
          <span className="hc-header__role">{roleLabel(user.role)}</span>
        </div>
        <Button onClick={() => void signOutOfSession()} busy={signingOut}>
          Sign out
        </Button>
      </div>
    </header>
  );
}
