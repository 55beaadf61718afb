// The renderer's lock controller enforcing AutoLockMinutes/SignOutAfterMinutes: in the browser on page activity with an
// injected clock; in Electron following the shell. Locking closes the data layer; unlocking needs the server's yes.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createLockController, primeLockState, type LockControllerDeps } from '../../../renderer/features/lock/lock-controller';
import { SIGNED_OUT_FROM_LOCK, SIGN_OUT_TEXT } from '../../../renderer/features/lock/lock-messages';
import type { LockPersistence, PersistedLock } from '../../../renderer/features/lock/lock-persistence';
import { resetLockStore, useLockStore } from '../../../renderer/features/lock/lock-store';
import type { ShellLockPort, UnlockOutcome } from '../../../renderer/platform/idle';

const MIN = 60_000;
const USER = { id: '6f1c2b9e-1d2a-4b3c-8d4e-5f6a7b8c9d0e', role: 'clinician' as const };
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

function memoryPersistence(initial: PersistedLock | null = null): LockPersistence & { value: PersistedLock | null } {
  const store = {
    value: initial,
    read: () => store.value,
    write: (value: PersistedLock) => {
      store.value = value;
    },
    clear: () => {
      store.value = null;
    },
  };
  return store;
}

function browserHarness(overrides: Partial<LockControllerDeps> = {}) {
  let now = 0;
  let tick: () => void = () => undefined;
  let activity: { onActivity: () => void; onVisible: () => void } | null = null;
  const verify = vi.fn<(password: string) => Promise<UnlockOutcome>>(async (password) => (password === 'right' ? { ok: true } : { ok: false, reason: 'rejected' }));
  const dataGate = { lock: vi.fn(async () => undefined), unlock: vi.fn(async () => undefined) };
  const signOut = vi.fn(async () => undefined);
  const persistence = memoryPersistence();
  const deps: LockControllerDeps = {
    user: USER,
    shell: null,
    watchActivity: (handlers) => {
      activity = handlers;
      return () => (activity = null);
    },
    loadLockPolicy: async () => ({ autoLockMinutes: 15, signOutAfterMinutes: 60 }),
    verify,
    dataGate,
    signOut,
    persistence,
    now: () => now,
    every: (_ms, run) => {
      tick = run;
      return () => (tick = () => undefined);
    },
    freshSignIn: false,
    ...overrides,
  };
  const controller = createLockController(deps);
  return {
    controller,
    deps,
    verify,
    dataGate,
    signOut,
    persistence: deps.persistence as ReturnType<typeof memoryPersistence>,
    at: (minutes: number) => (now = minutes * MIN),
    tick: () => tick(),
    active: () => activity!.onActivity(),
    status: () => useLockStore.getState().status,
  };
}

beforeEach(() => {
  resetLockStore();
});

describe('lock controller in the browser', () => {
  it('locks after AutoLockMinutes without page activity, closes the data layer and remembers it for reloads', async () => {
    const h = browserHarness();
    h.controller.start();
    await settle();
    h.at(14);
    h.tick();
    expect(h.status()).toBe('unlocked');
    h.at(15);
    h.tick();
    expect(h.status()).toBe('locked');
    expect(useLockStore.getState().reason).toBe('idle');
    await settle();
    expect(h.dataGate.lock).toHaveBeenCalledOnce();
    expect(h.persistence.value).toMatchObject({ userId: USER.id, locked: true });
  });

  it('uses the server policy once loaded (a shorter AutoLockMinutes)', async () => {
    const h = browserHarness({ loadLockPolicy: async () => ({ autoLockMinutes: 2, signOutAfterMinutes: 60 }) });
    h.controller.start();
    await settle();
    h.at(2);
    h.tick();
    expect(h.status()).toBe('locked');
  });

  it('page activity keeps it unlocked', async () => {
    const h = browserHarness();
    h.controller.start();
    await settle();
    h.at(10);
    h.active();
    h.at(20);
    h.tick();
    expect(h.status()).toBe('unlocked');
  });

  it('unlocks only after the server accepts the password, then reopens the data layer', async () => {
    const h = browserHarness();
    h.controller.start();
    h.controller.lockNow();
    expect(h.status()).toBe('locked');
    await h.controller.unlock('wrong');
    expect(h.status()).toBe('locked');
    expect(useLockStore.getState().error).toBe('That password is not correct.');
    await h.controller.unlock('right');
    expect(h.status()).toBe('unlocked');
    expect(h.dataGate.unlock).toHaveBeenCalledWith(USER);
    expect(h.persistence.value).toMatchObject({ locked: false });
  });

  it('signs out after five wrong passwords', async () => {
    const h = browserHarness();
    h.controller.start();
    h.controller.lockNow();
    for (let attempt = 0; attempt < 5; attempt += 1) await h.controller.unlock('wrong');
    expect(h.signOut).toHaveBeenCalledWith(SIGN_OUT_TEXT['unlock-failures']);
    expect(h.status()).toBe('signing-out');
    expect(h.persistence.value).toBeNull();
  });

  it('does not count an offline attempt as a wrong password, and says why', async () => {
    const h = browserHarness({ verify: vi.fn(async () => ({ ok: false as const, reason: 'offline' as const })) });
    h.controller.start();
    h.controller.lockNow();
    for (let attempt = 0; attempt < 6; attempt += 1) await h.controller.unlock('x');
    expect(h.signOut).not.toHaveBeenCalled();
    expect(useLockStore.getState().error).toMatch(/connection to the care server/);
  });

  it('signs out when the server says the session has ended', async () => {
    const h = browserHarness({ verify: vi.fn(async () => ({ ok: false as const, reason: 'session_ended' as const })) });
    h.controller.start();
    h.controller.lockNow();
    await h.controller.unlock('x');
    expect(h.signOut).toHaveBeenCalledWith(SIGN_OUT_TEXT['session-ended']);
  });

  it('signs out SignOutAfterMinutes after the last activity, also while locked', async () => {
    const h = browserHarness();
    h.controller.start();
    await settle();
    h.at(15);
    h.tick();
    h.at(60);
    h.tick();
    expect(h.signOut).toHaveBeenCalledWith(SIGN_OUT_TEXT['idle-timeout']);
  });

  it('asks for the password before doing anything and ignores empty submissions', async () => {
    const h = browserHarness();
    h.controller.start();
    h.controller.lockNow();
    await h.controller.unlock('');
    expect(h.verify).not.toHaveBeenCalled();
    expect(useLockStore.getState().error).toBe('Enter your password.');
  });

  it('signs out from the lock screen keeping local data, and forgets the lock', async () => {
    const h = browserHarness();
    h.controller.start();
    h.controller.lockNow();
    await h.controller.signOutNow();
    expect(h.signOut).toHaveBeenCalledWith(SIGNED_OUT_FROM_LOCK);
    expect(h.persistence.value).toBeNull();
  });
});

describe('reloads', () => {
  it('a tab reloaded while locked renders locked from the first render and stays locked', async () => {
    const persistence = memoryPersistence({ userId: USER.id, locked: true, lastActivityAt: 0 });
    primeLockState(USER.id, persistence, false);
    expect(useLockStore.getState()).toMatchObject({ status: 'locked', reason: 'restored' });
    const h = browserHarness({ persistence });
    h.at(1);
    h.controller.start();
    await settle();
    expect(h.status()).toBe('locked');
  });

  it('a reload long after the last activity signs out at once', async () => {
    const persistence = memoryPersistence({ userId: USER.id, locked: false, lastActivityAt: 0 });
    primeLockState(USER.id, persistence, false);
    const h = browserHarness({ persistence });
    h.at(61);
    h.controller.start();
    await settle();
    expect(h.signOut).toHaveBeenCalledWith(SIGN_OUT_TEXT['idle-timeout']);
  });

  it('a fresh sign-in or another user ignores what the tab remembered', () => {
    const persistence = memoryPersistence({ userId: USER.id, locked: true, lastActivityAt: 0 });
    primeLockState(USER.id, persistence, true);
    expect(useLockStore.getState().status).toBe('unlocked');
    expect(persistence.value).toBeNull();
    const other = memoryPersistence({ userId: 'someone-else', locked: true, lastActivityAt: 0 });
    primeLockState(USER.id, other, false);
    expect(useLockStore.getState().status).toBe('unlocked');
  });
});

describe('lock controller in Electron (following the shell)', () => {
  function fakeShell(state: Awaited<ReturnType<ShellLockPort['getState']>> = { status: 'unlocked' }) {
    const listeners: { lock?: (payload: { reason: 'idle' }) => void; signOut?: (payload: { reason: 'idle-timeout' }) => void } = {};
    const reports: string[] = [];
    let answer: 'unlocked' | 'locked' | 'signed-out' = 'unlocked';
    const port: ShellLockPort = {
      getState: async () => state,
      report: async (event) => {
        reports.push(event);
        return event === 'lock-requested' ? 'locked' : answer;
      },
      onLock: (listener) => {
        listeners.lock = listener as never;
        return () => undefined;
      },
      onSignOut: (listener) => {
        listeners.signOut = listener as never;
        return () => undefined;
      },
    };
    return { port, listeners, reports, answer: (next: typeof answer) => (answer = next) };
  }

  it('reports the session started, locks on the shell event, unlocks when the shell agrees, reports the end', async () => {
    const shell = fakeShell();
    const h = browserHarness({ shell: shell.port });
    const stop = h.controller.start();
    await settle();
    expect(shell.reports).toEqual(['started']);
    shell.listeners.lock!({ reason: 'idle' });
    expect(h.status()).toBe('locked');
    await h.controller.unlock('right');
    expect(shell.reports).toEqual(['started', 'unlock-succeeded']);
    expect(h.status()).toBe('unlocked');
    stop();
    expect(shell.reports.at(-1)).toBe('ended');
  });

  it('tells the shell about wrong passwords and signs out when the shell says so', async () => {
    const shell = fakeShell();
    const h = browserHarness({ shell: shell.port });
    h.controller.start();
    await settle();
    shell.listeners.lock!({ reason: 'idle' });
    shell.answer('signed-out');
    await h.controller.unlock('wrong');
    expect(shell.reports).toContain('unlock-failed');
    expect(h.signOut).toHaveBeenCalledWith(SIGN_OUT_TEXT['unlock-failures']);
  });

  it('ends a session the shell timed out while no window could act', async () => {
    const shell = fakeShell({ status: 'signed-out', signOutReason: 'idle-timeout' });
    const h = browserHarness({ shell: shell.port });
    h.controller.start();
    await settle();
    expect(h.signOut).toHaveBeenCalledWith(SIGN_OUT_TEXT['idle-timeout']);
  });

  it('follows the shell sign-out event, and Lock asks the shell to lock', async () => {
    const shell = fakeShell();
    const h = browserHarness({ shell: shell.port });
    h.controller.start();
    await settle();
    h.controller.lockNow();
    expect(h.status()).toBe('locked');
    expect(shell.reports).toContain('lock-requested');
    shell.listeners.signOut!({ reason: 'idle-timeout' });
    expect(h.signOut).toHaveBeenCalledWith(SIGN_OUT_TEXT['idle-timeout']);
  });

  it('keeps the shell locked when the page reloads while locked', async () => {
    const shell = fakeShell();
    const persistence = memoryPersistence({ userId: USER.id, locked: true, lastActivityAt: 0 });
    primeLockState(USER.id, persistence, false);
    const h = browserHarness({ shell: shell.port, persistence });
    h.controller.start();
    await settle();
    expect(shell.reports).toEqual(['lock-requested']);
    expect(h.status()).toBe('locked');
  });
});
