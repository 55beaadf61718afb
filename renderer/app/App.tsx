// The top-level view switch: restoring a session, the sign-in screens, or the signed-in app frame.
import { SignInScreen, signOutKeepingLocalData, useSessionStore } from '../features/auth';
import { LockGate } from '../features/lock';
import { AppFrame } from '../features/shell';

export function App() {
  const stage = useSessionStore((s) => s.stage);
  const user = useSessionStore((s) => s.user);

  if (stage === 'restoring') {
    return (
      <main className="hc-restoring">
        <p role="status">Restoring your session…</p>
      </main>
    );
  }
  if (stage === 'signed-in' && user) {
    return (
      <LockGate user={user} onSignOut={signOutKeepingLocalData}>
        <AppFrame user={user} />
      </LockGate>
    );
  }
  return <SignInScreen />;
}
