// The top-level view switch: restoring a session, the sign-in screens, or the signed-in app frame (a lazy chunk,
// preloaded while a session is restored so the start does not wait on React's reveal of a suspended frame).
import { Suspense, useEffect, useState } from 'react';
import { SignInScreen, useSessionStore } from '../features/auth';
import { preloadableLazy } from '../ui';

// The frame counts as loaded once the roles' home workspaces are too, so the first workspace does not suspend either.
const SignedInApp = preloadableLazy(() => import('./SignedInApp').then(async (m) => {
  await m.homeWorkspacesLoaded;
  return m.default;
}));

function Restoring({ text }: { text: string }) {
  return (
    <main className="hc-restoring">
      <p role="status">{text}</p>
    </main>
  );
}

/** Re-renders once the signed-in frame's code is here (a failed load leaves it to Suspense and its fallback). */
function useSignedInAppCode(wanted: boolean): boolean {
  const [loaded, setLoaded] = useState(SignedInApp.isLoaded());
  useEffect(() => {
    if (!wanted || loaded) return undefined;
    let live = true;
    const done = () => {
      if (live) setLoaded(true);
    };
    SignedInApp.preload().then(done, done);
    return () => {
      live = false;
    };
  }, [wanted, loaded]);
  return loaded;
}

export function App() {
  const stage = useSessionStore((s) => s.stage);
  const user = useSessionStore((s) => s.user);
  // While a session is restored, the frame's code loads alongside; until it is here the restoring screen stays
  // (no Suspense fallback is shown, so React has no reveal to hold back).
  const frameCodeLoaded = useSignedInAppCode(stage === 'restoring' || stage === 'signed-in');

  if (stage === 'restoring' || (stage === 'signed-in' && user && !frameCodeLoaded)) {
    return <Restoring text={stage === 'restoring' ? 'Restoring your session…' : 'Opening Housecall…'} />;
  }
  if (stage === 'signed-in' && user) {
    return (
      <Suspense fallback={<Restoring text="Opening Housecall…" />}>
        <SignedInApp user={user} />
      </Suspense>
    );
  }
  return <SignInScreen />;
}
