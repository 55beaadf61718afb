// Feeds the shell idle lock from powerMonitor: polls the system idle time and forwards OS lock-screen/suspend/resume.
import { powerMonitor } from 'electron';
import { IDLE_POLL_INTERVAL_MS, type OsSessionEvent, type ShellIdleLock } from '../core/idle-lock';

const OS_EVENTS: readonly OsSessionEvent[] = ['lock-screen', 'suspend', 'resume', 'user-did-resign-active'];

export function systemIdleSeconds(): number {
  return powerMonitor.getSystemIdleTime();
}

/** Starts polling and listening; returns the function that stops both. */
export function watchPowerMonitor(lock: ShellIdleLock, intervalMs = IDLE_POLL_INTERVAL_MS): () => void {
  const listeners = OS_EVENTS.map((event) => {
    const listener = (): void => lock.osEvent(event);
    // 'user-did-resign-active' exists on macOS only; registering it elsewhere is harmless.
    powerMonitor.on(event as 'lock-screen', listener);
    return [event, listener] as const;
  });
  const timer = setInterval(() => lock.tick(), intervalMs);
  timer.unref?.();
  return () => {
    clearInterval(timer);
    for (const [event, listener] of listeners) powerMonitor.removeListener(event as 'lock-screen', listener);
  };
}
