// The electron-updater wiring: generic feed at UpdateUrl, download/install flags from the plan, proxy on the updater's
// own session, status events, and install() semantics for notify and auto modes.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { startUpdates } from '../../../electron/adapters/updater';
import { createShellLogger, memoryLogSink } from '../../../electron/core/log';

const fake = vi.hoisted(() => {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  const updater = {
    logger: undefined as unknown,
    autoDownload: undefined as unknown,
    autoInstallOnAppQuit: undefined as unknown,
    allowDowngrade: undefined as unknown,
    allowPrerelease: undefined as unknown,
    feed: undefined as unknown,
    setFeedURL(options: unknown) {
      this.feed = options;
    },
    on(event: string, listener: (...args: unknown[]) => void) {
      listeners.set(event, listener);
      return this;
    },
    checkForUpdates: vi.fn(async () => null),
    downloadUpdate: vi.fn(async () => []),
    quitAndInstall: vi.fn(),
  };
  return { listeners, updater, proxies: [] as Array<[string, unknown]> };
});
vi.mock('electron-updater', () => ({ autoUpdater: fake.updater }));
vi.mock('electron', () => ({
  session: { fromPartition: (partition: string) => ({ setProxy: async (settings: unknown) => void fake.proxies.push([partition, settings]) }) },
}));

const log = createShellLogger({ sink: memoryLogSink(), level: 'debug' });

beforeEach(() => {
  fake.listeners.clear();
  fake.proxies.length = 0;
  fake.updater.quitAndInstall.mockClear();
  fake.updater.downloadUpdate.mockClear();
});

describe('startUpdates', () => {
  it('auto mode: generic feed, downloads, installs on quit, proxied through the updater session', async () => {
    const statuses: unknown[] = [];
    const controller = await startUpdates(
      { enabled: true, mode: 'auto', feedUrl: 'https://updates.example.org/housecall', autoDownload: true, autoInstallOnAppQuit: true },
      { log, proxy: { mode: 'fixed_servers', proxyRules: 'proxy:3128' }, onStatus: (status) => statuses.push(status) },
    );
    expect(fake.updater.feed).toEqual({ provider: 'generic', url: 'https://updates.example.org/housecall' });
    expect([fake.updater.autoDownload, fake.updater.autoInstallOnAppQuit, fake.updater.allowDowngrade, fake.updater.allowPrerelease]).toEqual([true, true, false, false]);
    expect(fake.proxies).toEqual([['electron-updater', { mode: 'fixed_servers', proxyRules: 'proxy:3128' }]]);
    expect(fake.updater.checkForUpdates).toHaveBeenCalled();
    fake.listeners.get('update-available')!({ version: '0.2.0' });
    expect(controller.install()).toBe(true); // nothing downloaded yet: download, then restart
    fake.listeners.get('update-downloaded')!({ version: '0.2.0' });
    expect(statuses).toEqual([
      { status: 'available', version: '0.2.0', canInstall: false },
      { status: 'downloaded', version: '0.2.0', canInstall: true },
    ]);
    expect(fake.updater.quitAndInstall).toHaveBeenCalledOnce();
    controller.stop();
  });

  it('notify mode: tells, downloads only when asked, then restarts into it', async () => {
    const statuses: unknown[] = [];
    const controller = await startUpdates(
      { enabled: true, mode: 'notify', feedUrl: 'https://updates.example.org/housecall', autoDownload: false, autoInstallOnAppQuit: false },
      { log, proxy: { mode: 'system' }, onStatus: (status) => statuses.push(status) },
    );
    expect(controller.install()).toBe(false); // nothing available yet
    fake.listeners.get('update-available')!({ version: '0.3.0' });
    expect(statuses).toEqual([{ status: 'available', version: '0.3.0', canInstall: true }]);
    expect(controller.install()).toBe(true);
    expect(fake.updater.downloadUpdate).toHaveBeenCalledOnce();
    expect(fake.updater.quitAndInstall).not.toHaveBeenCalled();
    fake.listeners.get('update-downloaded')!({ version: '0.3.0' });
    expect(fake.updater.quitAndInstall).toHaveBeenCalledOnce();
    controller.stop();
  });

  it('logs updater errors without their text', async () => {
    const sink = memoryLogSink();
    const controller = await startUpdates(
      { enabled: true, mode: 'auto', feedUrl: 'https://u.example', autoDownload: true, autoInstallOnAppQuit: true },
      { log: createShellLogger({ sink, level: 'debug' }), proxy: { mode: 'system' }, onStatus: () => undefined },
    );
    fake.listeners.get('error')!(new Error('404 at https://u.example/latest.yml?user=nurse'));
    expect(sink.lines.join('')).toContain('updater.failed');
    expect(sink.lines.join('')).not.toContain('nurse');
    controller.stop();
  });
});
