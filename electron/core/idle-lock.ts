// The shell's idle lock: runs the shared state machine on system idle time (polled), OS lock-screen/suspend events and
// the renderer's session reports, and turns its effects into bridge events. Clock and idle reader are injected.
import { ipcOk, type LockStatus, type SessionReport } from '../../shared/ipc';
import { createIdleLockMachine, type IdleLockConfig, type IdleLockEffect, type IdleLockInput, type SignOutReason } from '../../shared/policy';
import type { IpcHandlers } from './ipc-dispatch';

/** How often the adapter polls powerMonitor.getSystemIdleTime(). */
export const IDLE_POLL_INTERVAL_MS = 15_000;

export type OsSessionEvent = 'lock-screen' | 'suspend' | 'resume' | 'user-did-resign-active';

export interface ShellIdleLockOptions {
  now: () => number;
  /** Seconds since the last keyboard or mouse input anywhere on the computer (powerMonitor.getSystemIdleTime). */
  readSystemIdleSeconds: () => number;
  config: IdleLockConfig;
  /** Lock or sign-out: the adapter sends session:lock / session:sign-out to the window. */
  onEffect: (effect: Exclude<IdleLockEffect, { type: 'unlock' }>) => void;
}

export interface ShellIdleLock {
  status(): LockStatus;
  /** Why the session was signed out, when it was (a window opened later must end that session). */
  signOutReason(): SignOutReason | 'session-ended' | null;
  setConfig(config: IdleLockConfig): void;
  /** One poll of the system idle time. */
  tick(): void;
  osEvent(event: OsSessionEvent): void;
  report(event: SessionReport): LockStatus;
  handlers(): Pick<IpcHandlers, 'session:get-lock-state' | 'session:report'>;
}

const OS_INPUT: Readonly<Record<OsSessionEvent, IdleLockInput['type']>> = {
  'lock-screen': 'os-lock',
  'user-did-resign-active': 'os-lock',
  suspend: 'suspend',
  resume: 'resume',
};

const REPORT_INPUT: Readonly<Record<SessionReport, IdleLockInput['type']>> = {
  started: 'session-started',
  'lock-requested': 'lock-now',
  'unlock-succeeded': 'unlock-succeeded',
  'unlock-failed': 'unlock-failed',
  ended: 'session-ended',
};

export function createShellIdleLock({ now, readSystemIdleSeconds, config, onEffect }: ShellIdleLockOptions): ShellIdleLock {
  // Enforcing from start-up: a window that never reports 'started' is still locked when idle.
  const machine = createIdleLockMachine({
    now,
    config,
    onEffect: (effect) => {
      if (effect.type !== 'unlock') onEffect(effect);
    },
  });
  const status = (): LockStatus => machine.state.status;
  const send = (type: IdleLockInput['type']): void => {
    machine.send({ type } as Parameters<typeof machine.send>[0]);
  };
  const report = (event: SessionReport): LockStatus => {
    send(REPORT_INPUT[event]);
    return status();
  };
  return {
    status,
    signOutReason: () => (machine.state.status === 'signed-out' ? machine.state.reason : null),
    setConfig: (next) => machine.setConfig(next),
    tick() {
      if (machine.state.status === 'signed-out') return;
      let seconds: number;
      try {
        seconds = readSystemIdleSeconds();
      } catch {
        seconds = Number.NaN; // unknown: only this app's own reports count
      }
      machine.send({ type: 'tick', systemIdleMs: Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined });
    },
    osEvent(event) {
      send(OS_INPUT[event]);
    },
    report,
    handlers: () => ({
      'session:get-lock-state': () => {
        const reason = machine.state.status === 'signed-out' ? machine.state.reason : null;
        return ipcOk(reason === null || reason === 'session-ended' ? { status: status() } : { status: status(), signOutReason: reason });
      },
      'session:report': ({ event }) => ipcOk({ status: report(event) }),
    }),
  };
}
