// Wraps the signed-in app: while locked it renders only the lock screen (the app and its patient data leave the DOM and
// the data layer closes); after unlocking the app mounts again and reads drafts back from the encrypted cache.
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { User } from '../../../shared/domain/user';
import { shellLockPort, verifyUnlockPassword, watchUserActivity } from '../../platform/idle';
import { getEffectivePolicy } from '../../platform/policy';
import { defaultLockDataGate, type LockDataGate } from './data-gate';
import { forgetFreshSignIn, isFreshSignIn, setActiveLockController } from './lock-actions';
import { createLockController, primeLockState } from './lock-controller';
import { storageLockPersistence } from './lock-persistence';
import { useLockStore } from './lock-store';
import { LockScreen } from './LockScreen';

export interface LockGateProps {
  user: User;
  /** Ends the session without wiping the encrypted local data, then shows sign-in with `message`. */
  onSignOut: (message: string) => Promise<void> | void;
  children: ReactNode;
  dataGate?: LockDataGate;
}

const persistence = storageLockPersistence();

const every = (ms: number, run: () => void): (() => void) => {
  const timer = window.setInterval(run, ms);
  return () => window.clearInterval(timer);
};

async function loadLockPolicy(): Promise<{ autoLockMinutes: number; signOutAfterMinutes: number }> {
  const { policy } = await getEffectivePolicy();
  return { autoLockMinutes: policy.AutoLockMinutes.value, signOutAfterMinutes: policy.SignOutAfterMinutes.value };
}

export function LockGate({ user, onSignOut, children, dataGate = defaultLockDataGate }: LockGateProps) {
  // Decided before the first render, so a reload while locked never shows the app for a moment.
  const [freshSignIn] = useState(() => {
    const fresh = isFreshSignIn();
    primeLockState(user.id, persistence, fresh);
    return fresh;
  });
  const status = useLockStore((s) => s.status);

  useEffect(() => {
    const controller = createLockController({
      user,
      shell: shellLockPort(),
      watchActivity: watchUserActivity,
      loadLockPolicy,
      verify: verifyUnlockPassword,
      dataGate,
      signOut: onSignOut,
      persistence,
      now: Date.now,
      every,
      freshSignIn,
    });
    setActiveLockController(controller);
    const stop = controller.start();
    return () => {
      stop();
      setActiveLockController(null);
      forgetFreshSignIn();
    };
    // One controller per signed-in user: the callbacks are fixed for the session.
  }, [user.id]);

  if (status !== 'unlocked') return <LockScreen displayName={user.displayName} />;
  return <>{children}</>;
}
