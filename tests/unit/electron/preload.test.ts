// The preload exposes only invoke/on under window.housecall, refuses unknown names, never rejects, never leaks the IPC event.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HousecallBridge } from '../../../shared/ipc';

// A stand-in for Electron's preload API: the real module is never loaded.
const electronFake = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    exposed: new Map<string, unknown>(),
    listeners,
    invoke: vi.fn<(channel: string, request: unknown) => Promise<unknown>>(),
  };
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, api: unknown) => electronFake.exposed.set(name, api) },
  ipcRenderer: {
    invoke: electronFake.invoke,
    on: (event: string, listener: (...args: unknown[]) => void) => {
      const set = electronFake.listeners.get(event) ?? new Set();
      set.add(listener);
      electronFake.listeners.set(event, set);
    },
    removeListener: (event: string, listener: (...args: unknown[]) => void) => electronFake.listeners.get(event)?.delete(listener),
  },
}));

let bridge: HousecallBridge;

beforeAll(async () => {
  await import('../../../electron/preload');
  bridge = electronFake.exposed.get('housecall') as HousecallBridge;
});

beforeEach(() => {
  electronFake.invoke.mockReset();
});

describe('preload bridge', () => {
  it('exposes exactly invoke and on under window.housecall, nothing else', () => {
    expect([...electronFake.exposed.keys()]).toEqual(['housecall']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
  });

  it('forwards a known channel and returns the main process answer', async () => {
    const answer = { ok: true, value: { shown: true } };
    electronFake.invoke.mockResolvedValue(answer);
    expect(await bridge.invoke('notify:show', { kind: 'patient_checked_in' })).toEqual(answer);
    expect(electronFake.invoke).toHaveBeenCalledWith('notify:show', { kind: 'patient_checked_in' });
  });

  it('refuses an unknown channel without reaching the main process', async () => {
    const result = await bridge.invoke('fs:read' as never, {} as never);
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(electronFake.invoke).not.toHaveBeenCalled();
  });

  it('turns a failed invoke into an internal error result instead of rejecting', async () => {
    electronFake.invoke.mockRejectedValue(new Error("No handler registered for 'app:get-info'"));
    await expect(bridge.invoke('app:get-info', {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('delivers only the payload of an event, and stops after unsubscribe', () => {
    const received: unknown[] = [];
    const unsubscribe = bridge.on('notify:clicked', (payload) => received.push(payload));
    const emit = (payload: unknown): void => {
      for (const listener of electronFake.listeners.get('notify:clicked') ?? []) listener({ sender: 'ipcRenderer' }, payload);
    };
    emit({ kind: 'patient_checked_in' });
    unsubscribe();
    emit({ kind: 'visit_starting_soon' });
    expect(received).toEqual([{ kind: 'patient_checked_in' }]);
  });

  it('ignores subscriptions to unknown events', () => {
    const unsubscribe = bridge.on('ipc:raw' as never, () => undefined);
    expect(electronFake.listeners.has('ipc:raw')).toBe(false);
    expect(unsubscribe).toBeTypeOf('function');
  });
});
