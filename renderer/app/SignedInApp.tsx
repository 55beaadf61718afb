// The signed-in part of the app (lock gate and app frame), loaded as its own chunk so the sign-in screen loads only what it needs.
import type { User } from '../../shared/domain/user';
import { signOutKeepingLocalData } from '../features/auth';
import { LockGate } from '../features/lock';
import { AppFrame, preloadHomeWorkspaces } from '../features/shell';

/** Settles when the roles' first workspaces are loaded (or failed to: they then load on first use). */
export const homeWorkspacesLoaded: Promise<void> = preloadHomeWorkspaces();

export default function SignedInApp({ user }: { user: User }) {
  return (
    <LockGate user={user} onSignOut={signOutKeepingLocalData}>
      <AppFrame user={user} />
    </LockGate>
  );
}
