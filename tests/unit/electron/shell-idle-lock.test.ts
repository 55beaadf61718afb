// The shell's idle lock: system idle polling, OS lock/suspend, the renderer's reports, and the bridge answers.
import { describe, expect, it } from 'vitest';
import { createShellIdleLock } from '../../../electron/core/idle-lock';
import { idleLockConfigFromMinutes } from '../../../shared/policy';

const MIN = 60_000;

function setup(systemIdleSeconds: () => number = () => 0) {
  let now = 0;
  const effects: string[] = [];
  const lock = createShellIdleLock({
    now: () => now,
    readSystemIdleSeconds: systemIdleSeconds,
    config: idleLockConfigFromMinutes(15, 60),
    onEffect: (effect) => effects.push(`${effect.type}:${effect.reason}`),
  });
  return { lock, effects, at: (minutes: number) => (now = minutes * MIN) };
}

describe('createShellIdleLock', () => {
  it('locks when the computer has had no input for AutoLockMinutes', () => {
    let idle = 0;
    const { lock, effects, at } = setup(() => idle);
    at(10);
    idle = 10 * 60;
    lock.tick();
    expect(lock.status()).toBe('unlocked');
    at(15);
    idle = 15 * 60;
    lock.tick();
    expect(effects).toEqual(['lock:idle']);
    expect(lock.status()).toBe('locked');
  });

  it('stays unlocked while the user types in other apps', () => {
    const { lock, at } = setup(() => 3);
    at(45);
    lock.tick();
    expect(lock.status()).toBe('unlocked');
  });

  it('treats an idle reader that throws as "unknown" and falls back to its own clock', () => {
    const { lock, effects, at } = setup(() => {
      throw new Error('powerMonitor not ready');
    });
    at(16);
    lock.tick();
    expect(effects).toEqual(['lock:idle']);
  });

  it.each([
    ['lock-screen', 'lock:os-lock'],
    ['user-did-resign-active', 'lock:os-lock'],
    ['suspend', 'lock:suspend'],
  ] as const)('locks on the OS %s event', (event, effect) => {
    const { lock, effects } = setup();
    lock.osEvent(event);
    expect(effects).toEqual([effect]);
  });

  it('signs out on resume after a long sleep', () => {
    const { lock, effects, at } = setup(() => 0);
    lock.osEvent('suspend');
    at(120);
    lock.osEvent('resume');
    expect(effects).toEqual(['lock:suspend', 'sign-out:idle-timeout']);
    expect(lock.signOutReason()).toBe('idle-timeout');
  });

  it('follows the renderer: lock requested, wrong then right password', async () => {
    const { lock, effects } = setup();
    const { 'session:report': report, 'session:get-lock-state': state } = lock.handlers();
    expect(await report({ event: 'lock-requested' })).toEqual({ ok: true, value: { status: 'locked' } });
    expect(await report({ event: 'unlock-failed' })).toEqual({ ok: true, value: { status: 'locked' } });
    expect(await report({ event: 'unlock-succeeded' })).toEqual({ ok: true, value: { status: 'unlocked' } });
    expect(await state({})).toEqual({ ok: true, value: { status: 'unlocked' } });
    expect(effects).toEqual(['lock:manual']);
  });

  it('tells a newly opened page that the session was ended while nobody could act on it', async () => {
    const { lock, at } = setup(() => 61 * 60);
    at(61);
    lock.tick();
    expect(await lock.handlers()['session:get-lock-state']({})).toEqual({ ok: true, value: { status: 'signed-out', signOutReason: 'idle-timeout' } });
  });

  it('stops enforcing after the renderer reports the session ended, until the next start', async () => {
    const { lock, effects, at } = setup(() => 10_000);
    lock.report('ended');
    at(500);
    lock.tick();
    expect(effects).toEqual([]);
    expect(await lock.handlers()['session:get-lock-state']({})).toEqual({ ok: true, value: { status: 'signed-out' } });
    lock.report('started');
    expect(lock.status()).toBe('unlocked');
  });

  it('sign-out after five wrong passwords', () => {
    const { lock, effects } = setup();
    lock.report('lock-requested');
    for (let attempt = 0; attempt < 5; attempt += 1) lock.report('unlock-failed');
    expect(effects).toEqual(['lock:manual', 'sign-out:unlock-failures']);
  });

  it('applies a new policy', () => {
    const { lock, effects, at } = setup(() => 6 * 60);
    at(6);
    lock.setConfig(idleLockConfigFromMinutes(5, 60));
    lock.tick();
    expect(effects).toEqual(['lock:idle']);
  });
});
