// The main window as created: core's locked-down webPreferences exactly, a fixed title, screen-capture protection from
// policy before it is shown, and allow-listed help links only to the OS browser.
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as WindowAdapter from '../../../electron/adapters/window';
import { shellWebPreferences } from '../../../electron/core/web-preferences';

const fake = vi.hoisted(() => ({
  windows: [] as Array<{ options: Record<string, unknown>; calls: string[]; listeners: Map<string, (...args: unknown[]) => void> }>,
  appListeners: new Map<string, (...args: unknown[]) => void>(),
  opened: [] as string[],
}));

vi.mock('electron', () => ({
  BrowserWindow: class {
    private readonly record;
    constructor(options: Record<string, unknown>) {
      this.record = { options, calls: [] as string[], listeners: new Map<string, (...args: unknown[]) => void>() };
      fake.windows.push(this.record);
    }
    setContentProtection(enabled: boolean) {
      this.record.calls.push(`setContentProtection(${enabled})`);
    }
    on(event: string, listener: (...args: unknown[]) => void) {
      this.record.listeners.set(event, listener);
      return this;
    }
    once(event: string, listener: (...args: unknown[]) => void) {
      return this.on(event, listener);
    }
    loadURL(url: string) {
      this.record.calls.push(`loadURL(${url})`);
      return Promise.resolve();
    }
  },
  app: { on: (event: string, listener: (...args: unknown[]) => void) => fake.appListeners.set(event, listener) },
  shell: { openExternal: async (url: string) => void fake.opened.push(url) },
}));

let adapter: typeof WindowAdapter;
const preloadPath = path.resolve('/opt/housecall/dist/electron/preload.cjs');

beforeAll(async () => {
  adapter = await import('../../../electron/adapters/window');
});
beforeEach(() => {
  fake.windows.length = 0;
});

describe('createMainWindow', () => {
  it('uses exactly the core webPreferences', () => {
    adapter.createMainWindow({ preloadPath, entryUrl: 'app://housecall/index.html', contentProtection: true });
    expect(fake.windows[0]!.options.webPreferences).toEqual(shellWebPreferences(preloadPath));
  });

  it.each([true, false])('applies ScreenCaptureProtection=%s before loading anything', (enabled) => {
    adapter.createMainWindow({ preloadPath, entryUrl: 'app://housecall/index.html', contentProtection: enabled });
    expect(fake.windows[0]!.calls).toEqual([`setContentProtection(${enabled})`, 'loadURL(app://housecall/index.html)']);
  });

  it('keeps the window title "Housecall" whatever the page sets', () => {
    adapter.createMainWindow({ preloadPath, entryUrl: 'app://housecall/index.html', contentProtection: true });
    const window = fake.windows[0]!;
    expect(window.options.title).toBe('Housecall');
    const event = { preventDefault: vi.fn() };
    window.listeners.get('page-title-updated')!(event, 'Jane Doe — chart');
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('refuses a relative preload path', () => {
    expect(() => adapter.createMainWindow({ preloadPath: 'preload.cjs', entryUrl: 'app://housecall/index.html', contentProtection: true })).toThrow(/absolute/);
  });
});

describe('guardAllWebContents', () => {
  function guarded(externalHelpOrigins: string[] = []) {
    const refused: string[] = [];
    adapter.guardAllWebContents({ appOrigin: 'app://housecall', serverOrigin: 'https://care.example.org', isDevelopment: false, externalHelpOrigins }, (kind) => refused.push(kind));
    const listeners = new Map<string, (...args: unknown[]) => void>();
    let open: ((details: { url: string }) => unknown) | null = null;
    fake.appListeners.get('web-contents-created')!({}, {
      getType: () => 'window',
      on: (event: string, listener: (...args: unknown[]) => void) => listeners.set(event, listener),
      setWindowOpenHandler: (handler: (details: { url: string }) => unknown) => (open = handler),
    });
    return { refused, listeners, open: (url: string) => open!({ url }) };
  }

  it('denies every popup; an allow-listed help link goes to the OS browser', () => {
    const { open, refused } = guarded(['https://help.housecall.example']);
    expect(open('https://help.housecall.example/lock')).toEqual({ action: 'deny' });
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(fake.opened).toEqual(['https://help.housecall.example/lock']);
    expect(refused).toEqual(['window-open']);
  });

  it('lets the window navigate within the app only', () => {
    const { listeners, refused } = guarded();
    const inside = { url: 'app://housecall/schedule', preventDefault: vi.fn() };
    const outside = { url: 'https://care.example.org/', preventDefault: vi.fn() };
    listeners.get('will-frame-navigate')!(inside);
    listeners.get('will-frame-navigate')!(outside);
    expect(inside.preventDefault).not.toHaveBeenCalled();
    expect(outside.preventDefault).toHaveBeenCalled();
    expect(refused).toEqual(['navigate']);
  });
});
