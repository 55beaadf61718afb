// The powerMonitor wiring: OS lock/suspend/resume events reach the idle lock, the idle time is polled, and stop detaches.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as IdleAdapter from '../../../electron/adapters/idle-lock';
import type { OsSessionEvent, ShellIdleLock } from '../../../electron/core/idle-lock';

const fake = vi.hoisted(() => ({ listeners: new Map<string, () => void>(), idle: 42 }));
vi.mock('electron', () => ({
  powerMonitor: {
    on: (event: string, listener: () => void) => fake.listeners.set(event, listener),
    removeListener: (event: string) => fake.listeners.delete(event),
    getSystemIdleTime: () => fake.idle,
  },
}));

let adapter: typeof IdleAdapter;
beforeAll(async () => {
  adapter = await import('../../../electron/adapters/idle-lock');
});
afterEach(() => {
  vi.useRealTimers();
});

function fakeLock() {
  const events: OsSessionEvent[] = [];
  let ticks = 0;
  const lock = { osEvent: (event: OsSessionEvent) => events.push(event), tick: () => (ticks += 1) } as unknown as ShellIdleLock;
  return { lock, events, ticks: () => ticks };
}

describe('watchPowerMonitor', () => {
  it('forwards lock-screen, suspend, resume and user switching', () => {
    const { lock, events } = fakeLock();
    const stop = adapter.watchPowerMonitor(lock, 1000);
    for (const event of ['lock-screen', 'suspend', 'resume', 'user-did-resign-active']) fake.listeners.get(event)!();
    expect(events).toEqual(['lock-screen', 'suspend', 'resume', 'user-did-resign-active']);
    stop();
    expect(fake.listeners.size).toBe(0);
  });

  it('polls on the interval and stops polling when stopped', () => {
    vi.useFakeTimers();
    const { lock, ticks } = fakeLock();
    const stop = adapter.watchPowerMonitor(lock, 1000);
    vi.advanceTimersByTime(3500);
    expect(ticks()).toBe(3);
    stop();
    vi.advanceTimersByTime(5000);
    expect(ticks()).toBe(3);
  });

  it('reads the system idle time from powerMonitor', () => {
    expect(adapter.systemIdleSeconds()).toBe(42);
  });
});
