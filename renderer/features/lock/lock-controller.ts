// Drives the lock for one signed-in user. In Electron the shell decides (system idle, OS lock, suspend) and this follows
// its events; in the browser it runs the shared idle-lock machine on page activity. Either way: lock = only the lock
// screen is rendered and the data layer is closed; unlock = password checked by the server, data layer reopened.
import type { User } from '../../../shared/domain/user';
import {
  createIdleLockMachine,
  idleLockConfigFromMinutes,
  POLICY_DEFINITIONS,
  type IdleLockEffect,
  type IdleLockMachine,
  type LockReason,
} from '../../../shared/policy';
import type { ShellLockPort, UnlockOutcome } from '../../platform/idle';
import type { LockDataGate } from './data-gate';
import { SIGNED_OUT_FROM_LOCK, SIGN_OUT_TEXT, unlockFailureText } from './lock-messages';
import type { LockPersistence } from './lock-persistence';
import { useLockStore } from './lock-store';

/** How often the browser checks the idle clock. */
export const BROWSER_TICK_MS = 5_000;
/** How often page activity is written to the tab's storage (for reloads). */
const PERSIST_ACTIVITY_MS = 10_000;

export interface LockControllerDeps {
  user: Pick<User, 'id' | 'role'>;
  /** The shell's lock (Electron) or null (browser: the page runs its own idle clock). */
  shell: ShellLockPort | null;
  watchActivity: (handlers: { onActivity: () => void; onVisible: () => void }) => () => void;
  loadLockPolicy: () => Promise<{ autoLockMinutes: number; signOutAfterMinutes: number }>;
  verify: (password: string) => Promise<UnlockOutcome>;
  dataGate: LockDataGate;
  /** Ends the session (revokes it, keeps the encrypted local data) and shows the sign-in screen with the message. */
  signOut: (message: string) => Promise<void> | void;
  persistence: LockPersistence;
  now: () => number;
  every: (ms: number, run: () => void) => () => void;
  /** Just signed in with a password: whatever this tab remembered about a lock is obsolete. */
  freshSignIn: boolean;
}

export interface LockController {
  /** Starts following the lock; returns the function that stops (the session is over or the view unmounted). */
  start(): () => void;
  lockNow(): void;
  unlock(password: string): Promise<void>;
  signOutNow(): Promise<void>;
}

const set = useLockStore.setState;
const get = useLockStore.getState;

/** Synchronously, before the first render: a tab reloaded while locked must never show patient data. */
export function primeLockState(userId: string, persistence: LockPersistence, freshSignIn: boolean): void {
  const remembered = persistence.read();
  if (freshSignIn || remembered === null || remembered.userId !== userId) {
    if (remembered !== null) persistence.clear();
    set({ status: 'unlocked', reason: null, busy: false, error: null });
    return;
  }
  set(remembered.locked ? { status: 'locked', reason: 'restored', busy: false, error: null } : { status: 'unlocked', reason: null, busy: false, error: null });
}

export function createLockController(deps: LockControllerDeps): LockController {
  const { user, shell, persistence, dataGate } = deps;
  let machine: IdleLockMachine | null = null;
  let lastActivityAt = persistence.read()?.lastActivityAt ?? deps.now();
  let lastPersistedAt = 0;
  let stopped = false;
  // Data-layer operations run one after another: a lock and a quick unlock must not interleave.
  let dataQueue: Promise<void> = Promise.resolve();
  const queueData = (operation: () => Promise<void>): Promise<void> => {
    dataQueue = dataQueue.then(operation).catch((error: unknown) => {
      console.error('Housecall: the local data store could not be locked or unlocked', error instanceof Error ? error.name : typeof error);
    });
    return dataQueue;
  };

  const persist = (locked: boolean): void => persistence.write({ userId: user.id, locked, lastActivityAt });

  const applyLock = (reason: LockReason): void => {
    if (get().status !== 'unlocked' || stopped) return;
    set({ status: 'locked', reason, busy: false, error: null });
    persist(true);
    // Let React unmount the screens (and their live queries) before the layer closes under them.
    void queueData(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      await dataGate.lock();
    });
  };

  const applyUnlock = async (): Promise<void> => {
    lastActivityAt = deps.now();
    await queueData(() => dataGate.unlock(user));
    if (stopped || get().status === 'signing-out') return;
    persist(false);
    set({ status: 'unlocked', reason: null, busy: false, error: null });
  };

  const applySignOut = async (message: string): Promise<void> => {
    if (get().status === 'signing-out') return;
    set({ status: 'signing-out', busy: true, error: null });
    persistence.clear();
    await deps.signOut(message);
  };

  const onEffect = (effect: IdleLockEffect): void => {
    if (effect.type === 'lock') applyLock(effect.reason);
    else if (effect.type === 'sign-out') void applySignOut(SIGN_OUT_TEXT[effect.reason]);
  };

  const recordActivity = (): void => {
    if (get().status !== 'unlocked') return;
    lastActivityAt = deps.now();
    machine?.send({ type: 'activity' });
    if (lastActivityAt - lastPersistedAt >= PERSIST_ACTIVITY_MS) {
      lastPersistedAt = lastActivityAt;
      persist(false);
    }
  };

  /** Browser: the shared machine on page activity, starting from what this tab remembered. */
  function startBrowser(): () => void {
    const defaults = idleLockConfigFromMinutes(POLICY_DEFINITIONS.AutoLockMinutes.default, POLICY_DEFINITIONS.SignOutAfterMinutes.default);
    machine = createIdleLockMachine({ now: deps.now, config: defaults, onEffect, initial: { status: 'unlocked', lastActivityAt } });
    if (get().status === 'locked') machine.send({ type: 'lock-now', reason: 'restored' });
    machine.send({ type: 'tick' });
    void deps.loadLockPolicy().then((policy) => {
      if (stopped || machine === null) return;
      machine.setConfig(idleLockConfigFromMinutes(policy.autoLockMinutes, policy.signOutAfterMinutes));
      machine.send({ type: 'tick' });
    });
    const stopActivity = deps.watchActivity({ onActivity: recordActivity, onVisible: () => machine?.send({ type: 'tick' }) });
    const stopTimer = deps.every(BROWSER_TICK_MS, () => machine?.send({ type: 'tick' }));
    return () => {
      stopActivity();
      stopTimer();
    };
  }

  /** Electron: the shell decides; this window follows, and tells the shell what only the page knows. */
  function startShell(port: ShellLockPort): () => void {
    const stopLock = port.onLock(({ reason }) => applyLock(reason));
    const stopSignOut = port.onSignOut(({ reason }) => void applySignOut(SIGN_OUT_TEXT[reason]));
    void (async () => {
      if (get().status === 'locked') {
        await port.report('lock-requested');
        return;
      }
      const state = await port.getState();
      if (stopped) return;
      if (state?.status === 'signed-out' && state.signOutReason !== undefined && !deps.freshSignIn) {
        await applySignOut(SIGN_OUT_TEXT[state.signOutReason]);
      } else if (state?.status === 'locked' && !deps.freshSignIn) {
        applyLock('restored');
      } else {
        await port.report('started');
      }
    })();
    return () => {
      stopLock();
      stopSignOut();
      void port.report('ended');
    };
  }

  /** After the server answered: the shell or the page machine decides what the answer means. */
  async function afterVerification(outcome: UnlockOutcome): Promise<void> {
    if (outcome.ok) {
      if (shell !== null) {
        const status = await shell.report('unlock-succeeded');
        if (status === 'signed-out') return applySignOut(SIGN_OUT_TEXT['idle-timeout']);
        return applyUnlock();
      }
      const effects = machine?.send({ type: 'unlock-succeeded' }) ?? [{ type: 'unlock' as const }];
      if (effects.some((effect) => effect.type === 'unlock')) await applyUnlock();
      return;
    }
    if (outcome.reason === 'session_ended') return applySignOut(SIGN_OUT_TEXT['session-ended']);
    if (outcome.reason === 'rejected') {
      if (shell !== null) {
        if ((await shell.report('unlock-failed')) === 'signed-out') return applySignOut(SIGN_OUT_TEXT['unlock-failures']);
      } else {
        machine?.send({ type: 'unlock-failed' });
      }
    }
    if (get().status === 'locked') set({ busy: false, error: unlockFailureText(outcome) });
  }

  return {
    start() {
      stopped = false;
      if (deps.freshSignIn) persistence.clear();
      const stop = shell !== null ? startShell(shell) : startBrowser();
      return () => {
        stopped = true;
        stop();
      };
    },
    lockNow() {
      if (shell !== null) {
        applyLock('manual');
        void shell.report('lock-requested');
      } else {
        machine?.send({ type: 'lock-now' });
      }
    },
    async unlock(password) {
      if (get().status !== 'locked' || get().busy) return;
      if (password === '') {
        set({ error: 'Enter your password.' });
        return;
      }
      set({ busy: true, error: null });
      let outcome: UnlockOutcome;
      try {
        outcome = await deps.verify(password);
      } catch {
        outcome = { ok: false, reason: 'failed' };
      }
      await afterVerification(outcome);
    },
    async signOutNow() {
      await applySignOut(SIGNED_OUT_FROM_LOCK);
    },
  };
}

