// The ipcMain wiring registers every channel, tells core which frame called, and sends events only to app pages.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNEL_NAMES } from '../../../shared/ipc';
import type * as IpcAdapter from '../../../electron/adapters/ipc';
import type { IpcSender } from '../../../electron/core/ipc-validation';

const ipcMainFake = vi.hoisted(() => ({ handlers: new Map<string, (event: unknown, payload: unknown) => unknown>() }));

vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, handler: (event: unknown, payload: unknown) => unknown) => ipcMainFake.handlers.set(channel, handler) },
}));

let adapter: typeof IpcAdapter;
const seen: Array<{ channel: string; sender: IpcSender | null; payload: unknown }> = [];

beforeAll(async () => {
  adapter = await import('../../../electron/adapters/ipc');
  adapter.registerIpcHandlers(async (channel, sender, payload) => {
    seen.push({ channel, sender, payload });
    return { ok: true, value: null };
  });
});

const frame = (url: string, parent: unknown, destroyed = false) => ({ url, parent, isDestroyed: () => destroyed });

describe('registerIpcHandlers', () => {
  it('registers a handler for every channel of the contract', () => {
    expect([...ipcMainFake.handlers.keys()].sort()).toEqual([...IPC_CHANNEL_NAMES].sort());
  });

  it.each([
    ['top frame', { senderFrame: frame('app://housecall/index.html', null) }, { frameUrl: 'app://housecall/index.html', isTopFrame: true }],
    ['subframe', { senderFrame: frame('app://housecall/x.html', frame('app://housecall/index.html', null)) }, { frameUrl: 'app://housecall/x.html', isTopFrame: false }],
    ['destroyed frame', { senderFrame: frame('app://housecall/index.html', null, true) }, null],
    ['no frame', { senderFrame: null }, null],
  ])('reports the %s to core', async (_label, event, expectedSender) => {
    seen.length = 0;
    await ipcMainFake.handlers.get('app:get-info')?.(event, {});
    expect(seen).toEqual([{ channel: 'app:get-info', sender: expectedSender, payload: {} }]);
  });
});

describe('sendBridgeEvent', () => {
  const contents = (url: string, destroyed = false) => ({ getURL: () => url, isDestroyed: () => destroyed, send: vi.fn() });

  it('sends a valid event to the app page', () => {
    const page = contents('app://housecall/index.html');
    expect(adapter.sendBridgeEvent(page as never, 'notify:clicked', { kind: 'patient_checked_in' }, 'app://housecall')).toBe(true);
    expect(page.send).toHaveBeenCalledWith('notify:clicked', { kind: 'patient_checked_in' });
  });

  it.each([
    ['a foreign page', contents('https://evil.example.com/')],
    ['a closed window', contents('app://housecall/index.html', true)],
  ])('sends nothing to %s', (_label, page) => {
    expect(adapter.sendBridgeEvent(page as never, 'notify:clicked', { kind: 'patient_checked_in' }, 'app://housecall')).toBe(false);
    expect(page.send).not.toHaveBeenCalled();
  });

  it('refuses a payload outside the event schema', () => {
    const page = contents('app://housecall/index.html');
    expect(() => adapter.sendBridgeEvent(page as never, 'notify:clicked', { kind: 'Jane Doe' } as never, 'app://housecall')).toThrow();
    expect(page.send).not.toHaveBeenCalled();
  });
});
