// The top-level view switch: restoring a session, the sign-in screens, or the signed-in app frame (a lazy chunk).
import { lazy, Suspense } from 'react';
import { SignInScreen, useSessionStore } from '../features/auth';

const SignedInApp = lazy(() => import('./SignedInApp'));

function Restoring({ text }: { text: string }) {
  return (
    <main className="hc-restoring">
      <p role="status">{text}</p>
    </main>
  );
}

export function App() {
  const stage = useSessionStore((s) => s.stage);
  const user = useSessionStore((s) => s.user);

  if (stage === 'restoring') return <Restoring text="Restoring your session…" />;
  if (stage === 'signed-in' && user) {
    return (
      <Suspense fallback={<Restoring text="Opening Housecall…" />}>
        <SignedInApp user={user} />
      </Suspense>
    );
  }
  return <SignInScreen />;
}
