// Wires electron-updater (generic provider at UpdateUrl) to the plan core made; loaded only when updates are enabled.
import { session } from 'electron';
import type { UpdateStatus } from '../../shared/ipc';
import type { ShellLogger } from '../core/log';
import type { ProxySettings } from '../core/proxy';
import { UPDATE_CHECK_INTERVAL_MS, type UpdatePlan } from '../core/updates';

export interface UpdateController {
  /** notify mode: download now and restart into it; any mode: restart into a downloaded update. */
  install(): boolean;
  stop(): void;
}

/** electron-updater downloads through its own session partition, which does not inherit the default session's proxy. */
const UPDATER_PARTITION = 'electron-updater';

export interface StartUpdatesOptions {
  log: ShellLogger;
  proxy: ProxySettings;
  onStatus: (status: UpdateStatus) => void;
}

type EnabledPlan = Extract<UpdatePlan, { enabled: true }>;

export async function startUpdates(plan: EnabledPlan, { log, proxy, onStatus }: StartUpdatesOptions): Promise<UpdateController> {
  await session.fromPartition(UPDATER_PARTITION, { cache: false }).setProxy(proxy);
  // electron-updater loads electron at import: import it only here, in the packaged app.
  const { autoUpdater } = await import('electron-updater');
  autoUpdater.logger = null;
  autoUpdater.setFeedURL({ provider: 'generic', url: plan.feedUrl });
  autoUpdater.autoDownload = plan.autoDownload;
  autoUpdater.autoInstallOnAppQuit = plan.autoInstallOnAppQuit;
  autoUpdater.allowDowngrade = false;
  autoUpdater.allowPrerelease = false;

  let available: string | null = null;
  let downloaded = false;
  let installWhenDownloaded = false;

  autoUpdater.on('update-available', (info) => {
    available = info.version;
    log.info('updater.available', { version: info.version, mode: plan.mode });
    onStatus({ status: 'available', version: info.version, canInstall: plan.mode === 'notify' });
  });
  autoUpdater.on('update-downloaded', (info) => {
    downloaded = true;
    log.info('updater.downloaded', { version: info.version });
    onStatus({ status: 'downloaded', version: info.version, canInstall: true });
    if (installWhenDownloaded) autoUpdater.quitAndInstall(false, true);
  });
  autoUpdater.on('error', (error) => log.warn('updater.failed', { error }));

  const check = (): void => {
    autoUpdater.checkForUpdates().catch((error: unknown) => log.warn('updater.check-failed', { error }));
  };
  check();
  const timer = setInterval(check, UPDATE_CHECK_INTERVAL_MS);
  timer.unref?.();

  return {
    install() {
      if (downloaded) {
        autoUpdater.quitAndInstall(false, true);
        return true;
      }
      if (available === null) return false;
      installWhenDownloaded = true;
      autoUpdater.downloadUpdate().catch((error: unknown) => log.warn('updater.download-failed', { error }));
      return true;
    },
    stop: () => clearInterval(timer),
  };
}
