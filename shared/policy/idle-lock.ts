// The idle-lock state machine (pure, time passed in): unlocked -> locked -> signed-out, enforcing AutoLockMinutes and
// SignOutAfterMinutes. The shell drives it with system idle time and OS lock/suspend; the web workstation with page activity.

export interface IdleLockConfig {
  /** Lock after this long without activity (AutoLockMinutes). */
  autoLockMs: number;
  /** Sign out after this long without activity, locked or not (SignOutAfterMinutes). */
  signOutAfterMs: number;
  /** Wrong passwords on the lock screen before the session is ended here (the server also counts them). */
  maxUnlockFailures: number;
}

export const MAX_UNLOCK_FAILURES = 5;

export function idleLockConfigFromMinutes(autoLockMinutes: number, signOutAfterMinutes: number): IdleLockConfig {
  return { autoLockMs: autoLockMinutes * 60_000, signOutAfterMs: signOutAfterMinutes * 60_000, maxUnlockFailures: MAX_UNLOCK_FAILURES };
}

export type LockReason = 'idle' | 'os-lock' | 'suspend' | 'manual' | 'restored';
export type SignOutReason = 'idle-timeout' | 'unlock-failures';

export type IdleLockState =
  | { status: 'unlocked'; lastActivityAt: number }
  | { status: 'locked'; lastActivityAt: number; lockedAt: number; reason: LockReason; failedUnlocks: number }
  /** 'session-ended': the user signed out (or the session ended) by other means; nothing to enforce until the next start. */
  | { status: 'signed-out'; reason: SignOutReason | 'session-ended' };

export type IdleLockInput =
  /** Keyboard, pointer or touch input seen by this process. */
  | { type: 'activity'; at: number }
  /** A periodic check; systemIdleMs is the OS's time since the last input anywhere (shell only). */
  | { type: 'tick'; at: number; systemIdleMs?: number }
  | { type: 'os-lock'; at: number }
  | { type: 'suspend'; at: number }
  | { type: 'resume'; at: number }
  /** The user pressed Lock, or the app restarted in a locked state. */
  | { type: 'lock-now'; at: number; reason?: 'manual' | 'restored' }
  /** The server accepted the password on the lock screen. */
  | { type: 'unlock-succeeded'; at: number }
  | { type: 'unlock-failed'; at: number }
  /** A (new) session began: start unlocked. */
  | { type: 'session-started'; at: number }
  /** The session ended elsewhere (sign-out button, revoked): stop enforcing, no effects. */
  | { type: 'session-ended'; at: number };

export type IdleLockEffect = { type: 'lock'; reason: LockReason } | { type: 'unlock' } | { type: 'sign-out'; reason: SignOutReason };

export interface IdleLockStep {
  state: IdleLockState;
  effects: IdleLockEffect[];
}

export function initialIdleLockState(at: number): IdleLockState {
  return { status: 'unlocked', lastActivityAt: at };
}

const stay = (state: IdleLockState): IdleLockStep => ({ state, effects: [] });

function lock(lastActivityAt: number, at: number, reason: LockReason): IdleLockStep {
  return { state: { status: 'locked', lastActivityAt, lockedAt: at, reason, failedUnlocks: 0 }, effects: [{ type: 'lock', reason }] };
}

function signOut(reason: SignOutReason, alreadyLocked: boolean, lockReason: LockReason = 'idle'): IdleLockStep {
  const effects: IdleLockEffect[] = alreadyLocked ? [] : [{ type: 'lock', reason: lockReason }];
  effects.push({ type: 'sign-out', reason });
  return { state: { status: 'signed-out', reason }, effects };
}

const usableIdle = (ms: number | undefined): ms is number => ms !== undefined && Number.isFinite(ms) && ms >= 0;

function stepUnlocked(state: Extract<IdleLockState, { status: 'unlocked' }>, input: IdleLockInput, config: IdleLockConfig): IdleLockStep {
  switch (input.type) {
    case 'activity':
      return stay({ status: 'unlocked', lastActivityAt: Math.max(state.lastActivityAt, input.at) });
    case 'tick':
    case 'resume': {
      // Input in any other app counts as presence: the user is at the computer.
      const systemActivityAt = input.type === 'tick' && usableIdle(input.systemIdleMs) ? input.at - input.systemIdleMs : -Infinity;
      const lastActivityAt = Math.max(state.lastActivityAt, systemActivityAt);
      const idleMs = Math.max(0, input.at - lastActivityAt);
      if (idleMs >= config.signOutAfterMs) return signOut('idle-timeout', false);
      if (idleMs >= config.autoLockMs) return lock(lastActivityAt, input.at, 'idle');
      return stay({ status: 'unlocked', lastActivityAt });
    }
    case 'os-lock':
      return lock(state.lastActivityAt, input.at, 'os-lock');
    case 'suspend':
      return lock(state.lastActivityAt, input.at, 'suspend');
    case 'lock-now':
      return lock(input.reason === 'restored' ? state.lastActivityAt : input.at, input.at, input.reason ?? 'manual');
    case 'session-started':
      return stay({ status: 'unlocked', lastActivityAt: input.at });
    case 'session-ended':
      return stay({ status: 'signed-out', reason: 'session-ended' });
    case 'unlock-succeeded':
    case 'unlock-failed':
      return stay(state);
  }
}

function stepLocked(state: Extract<IdleLockState, { status: 'locked' }>, input: IdleLockInput, config: IdleLockConfig): IdleLockStep {
  switch (input.type) {
    case 'tick':
    case 'resume':
      // Activity on a locked screen does not postpone sign-out.
      return input.at - state.lastActivityAt >= config.signOutAfterMs ? signOut('idle-timeout', true) : stay(state);
    case 'unlock-succeeded':
      if (input.at - state.lastActivityAt >= config.signOutAfterMs) return signOut('idle-timeout', true);
      return { state: { status: 'unlocked', lastActivityAt: input.at }, effects: [{ type: 'unlock' }] };
    case 'unlock-failed': {
      const failedUnlocks = state.failedUnlocks + 1;
      if (failedUnlocks >= config.maxUnlockFailures) return signOut('unlock-failures', true);
      return stay({ ...state, failedUnlocks });
    }
    case 'session-started':
      return { state: { status: 'unlocked', lastActivityAt: input.at }, effects: [{ type: 'unlock' }] };
    case 'session-ended':
      return stay({ status: 'signed-out', reason: 'session-ended' });
    case 'activity':
    case 'os-lock':
    case 'suspend':
    case 'lock-now':
      return stay(state);
  }
}

/** One transition. Effects are what the caller must do now, in order (lock the UI, end the session). */
export function idleLockStep(state: IdleLockState, input: IdleLockInput, config: IdleLockConfig): IdleLockStep {
  if (state.status === 'unlocked') return stepUnlocked(state, input, config);
  if (state.status === 'locked') return stepLocked(state, input, config);
  if (input.type === 'session-started') return stay({ status: 'unlocked', lastActivityAt: input.at });
  return stay(state);
}

/** A stateful runner around idleLockStep with an injected clock; effects go to onEffect as they happen. */
export interface IdleLockMachine {
  readonly state: IdleLockState;
  send(input: DistributiveOmit<IdleLockInput, 'at'>): IdleLockEffect[];
  setConfig(config: IdleLockConfig): void;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface IdleLockMachineOptions {
  now: () => number;
  config: IdleLockConfig;
  onEffect?: (effect: IdleLockEffect, state: IdleLockState) => void;
  initial?: IdleLockState;
}

export function createIdleLockMachine({ now, config, onEffect, initial }: IdleLockMachineOptions): IdleLockMachine {
  let state = initial ?? initialIdleLockState(now());
  let current = config;
  return {
    get state() {
      return state;
    },
    send(input) {
      const step = idleLockStep(state, { ...input, at: now() } as IdleLockInput, current);
      state = step.state;
      for (const effect of step.effects) onEffect?.(effect, state);
      return step.effects;
    },
    setConfig(next) {
      current = next;
    },
  };
}
