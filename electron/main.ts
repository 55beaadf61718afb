// Electron main process wiring: single instance, managed policy, app:// scheme, session permissions and proxy, the IPC
// bridge, idle lock, deep links, updates, the PHI-free log, and the main window.
import { app, BrowserWindow, dialog, session } from 'electron';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { NOTIFICATION_TEXT, ipcErr, ipcOk, type IpcEvent, type IpcEventPayload } from '../shared/ipc';
import { effectiveValues, idleLockConfigFromMinutes } from '../shared/policy';
import { registerAppSchemePrivileges, serveAppProtocol } from './adapters/app-protocol';
import { systemIdleSeconds, watchPowerMonitor } from './adapters/idle-lock';
import { registerIpcHandlers, sendBridgeEvent } from './adapters/ipc';
import { safeStorageKeyStore } from './adapters/key-store';
import { fileLogSink } from './adapters/log-file';
import { osNotificationPresenter } from './adapters/notifications';
import { readPolicySources } from './adapters/policy-sources';
import { applySessionPermissions } from './adapters/session-permissions';
import type { UpdateController } from './adapters/updater';
import { createMainWindow, focusWindow, guardAllWebContents } from './adapters/window';
import { APP_ENTRY_URL, APP_ID, APP_ORIGIN, PRODUCT_NAME } from './core/app-identity';
import { resolveServerConfig } from './core/config';
import { contentSecurityPolicyFor } from './core/csp';
import { createDeepLinkRouter, deepLinkFromArgv, parseDeepLink } from './core/deep-link';
import { createShellIdleLock } from './core/idle-lock';
import { createIpcDispatcher } from './core/ipc-dispatch';
import { createKeyStoreHandlers } from './core/key-store';
import { createShellLogger, memoryLogSink, type LogSink } from './core/log';
import type { NavigationPolicy } from './core/navigation';
import { createNotifyHandler } from './core/notify';
import { createPolicyHandler } from './core/policy-handler';
import { mergePolicy, type MergedPolicy } from './core/policy-merge';
import { proxySettingsFor } from './core/proxy';
import type { ServerEndpoint } from './core/server-url';
import { crashLogHandlers, logDeepLinkRefused, logIpcFailure, logIpcRefused, logNavigationRefused, logPolicyIssues } from './core/shell-log-events';
import { forbiddenStartupSwitch } from './core/startup-guard';
import { detectInstallKind, planUpdates } from './core/updates';

// This file is bundled to dist/electron/main.cjs; the preload sits beside it and the renderer in dist/renderer.
const preloadPath = path.join(__dirname, 'preload.cjs');
const rendererRoot = path.join(__dirname, '..', 'renderer');

/**
 * Started as `electron dist/electron/main.cjs` Electron finds no package.json and would call itself "Electron":
 * fix the name and profile folder (which also scopes the single-instance lock). --user-data-dir= still wins, for tests.
 */
function useHousecallProfile(): void {
  app.setName(PRODUCT_NAME);
  const userDataOverride = app.commandLine.getSwitchValue('user-data-dir');
  app.setPath('userData', userDataOverride !== '' ? path.resolve(userDataOverride) : path.join(app.getPath('appData'), PRODUCT_NAME));
}

function openLogSink(): LogSink {
  try {
    return fileLogSink({ directory: path.join(app.getPath('userData'), 'logs') });
  } catch {
    return memoryLogSink();
  }
}

function appBundleWritable(): boolean {
  try {
    accessSync(path.resolve(process.execPath, '..', '..', '..'), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

async function loadPolicy(): Promise<MergedPolicy> {
  const read = await readPolicySources();
  return mergePolicy(read.sources, read.issues);
}

function start(): void {
  useHousecallProfile();
  const log = createShellLogger({ sink: openLogSink(), level: 'info' });
  const crash = crashLogHandlers(log);
  process.on('uncaughtException', crash.uncaughtException);
  process.on('unhandledRejection', crash.unhandledRejection);

  const forbidden = forbiddenStartupSwitch(process.argv, { isPackaged: app.isPackaged, platform: process.platform });
  if (forbidden !== null) {
    log.error('startup.refused-switch', { switch: forbidden });
    dialog.showErrorBox('Housecall cannot start', `Housecall does not start with the --${forbidden} option.`);
    app.exit(1);
    return;
  }
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  app.setAppUserModelId(APP_ID);
  app.enableSandbox();
  registerAppSchemePrivileges();
  app.on('render-process-gone', (_event, _contents, details) => crash.renderProcessGone(details));
  app.on('child-process-gone', (_event, details) => crash.childProcessGone(details));

  let mainWindow: BrowserWindow | null = null;
  let merged: MergedPolicy = mergePolicy({});
  let server: ServerEndpoint | null = null;
  let updates: UpdateController | null = null;

  const sendToWindow = <E extends IpcEvent>(event: E, payload: IpcEventPayload<E>): boolean =>
    mainWindow !== null && !mainWindow.isDestroyed() && sendBridgeEvent(mainWindow.webContents, event, payload, APP_ORIGIN);

  const deepLinks = createDeepLinkRouter((link) => {
    focusWindow(mainWindow);
    return sendToWindow('deep-link:open-visit', { visitId: link.visitId });
  });
  const receiveLink = (raw: unknown): void => {
    const link = typeof raw === 'string' ? parseDeepLink(raw) : null;
    if (link === null) {
      logDeepLinkRefused(log, raw);
      return;
    }
    deepLinks.receive(link);
  };
  // macOS delivers links as events (also the one that launched the app); Windows and Linux on the command line.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    receiveLink(url);
  });
  const launchLink = deepLinkFromArgv(process.argv);
  if (launchLink !== null) deepLinks.receive(launchLink);
  app.on('second-instance', (_event, argv) => {
    focusWindow(mainWindow);
    const link = deepLinkFromArgv(argv);
    if (link !== null) deepLinks.receive(link);
    else if (argv.some((argument) => argument.toLowerCase().startsWith('housecall:'))) logDeepLinkRefused(log, 'housecall:');
  });

  const idleLock = createShellIdleLock({
    now: Date.now,
    readSystemIdleSeconds: systemIdleSeconds,
    config: idleLockConfigFromMinutes(merged.policy.AutoLockMinutes.value, merged.policy.SignOutAfterMinutes.value),
    onEffect: (effect) => {
      log.info(effect.type === 'lock' ? 'session.locked' : 'session.signed-out', { reason: effect.reason });
      if (effect.type === 'lock') sendToWindow('session:lock', { reason: effect.reason });
      else sendToWindow('session:sign-out', { reason: effect.reason });
    },
  });

  const notifications = osNotificationPresenter({
    onClicked: (kind) => {
      focusWindow(mainWindow);
      sendToWindow('notify:clicked', { kind });
    },
  });

  const dispatch = createIpcDispatcher({
    appOrigin: APP_ORIGIN,
    reportError: (channel, error) => logIpcFailure(log, channel, error),
    reportRefusal: (channel, code) => logIpcRefused(log, channel, code),
    handlers: {
      'app:get-info': () =>
        server === null
          ? ipcErr('unavailable', 'The shell has not finished starting.')
          : ipcOk({ appVersion: app.getVersion(), platform: process.platform, isPackaged: app.isPackaged, serverUrl: server.baseUrl }),
      ...createKeyStoreHandlers(safeStorageKeyStore()),
      ...createNotifyHandler(notifications),
      ...createPolicyHandler(() => merged),
      ...idleLock.handlers(),
      ...deepLinks.handlers(),
      'update:install': () => ipcOk({ accepted: updates?.install() ?? false }),
    },
  });

  const openMainWindow = (): void => {
    const window = createMainWindow({ preloadPath, entryUrl: APP_ENTRY_URL, contentProtection: merged.policy.ScreenCaptureProtection.value });
    window.webContents.on('did-start-loading', () => deepLinks.pageLoading());
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    mainWindow = window;
  };

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (server !== null && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });

  void app.whenReady().then(async () => {
    merged = await loadPolicy();
    const policy = effectiveValues(merged.policy);
    log.setLevel(policy.LogLevel);
    logPolicyIssues(log, merged.issues);

    const config = resolveServerConfig({ argv: process.argv, env: process.env, policyServerUrl: policy.ServerUrl });
    if (!config.ok) {
      log.error('startup.bad-server-url', { source: 'configuration' });
      dialog.showErrorBox('Housecall cannot start', config.error);
      app.exit(1);
      return;
    }
    const endpoint = config.value.server;
    server = endpoint;
    const navigationPolicy: NavigationPolicy = { appOrigin: APP_ORIGIN, serverOrigin: endpoint.origin, isDevelopment: !app.isPackaged, externalHelpOrigins: [] };
    guardAllWebContents(navigationPolicy, (kind, url) => logNavigationRefused(log, kind, url));

    const proxy = proxySettingsFor(policy);
    if (proxy.problem !== null) log.warn('policy.proxy-incomplete', { mode: policy.ProxyMode });
    await session.defaultSession.setProxy(proxy.settings);
    applySessionPermissions(session.defaultSession, {
      policy: { allowCamera: policy.AllowCamera, allowMicrophone: policy.AllowMicrophone },
      appOrigin: APP_ORIGIN,
      serverOrigin: endpoint.origin,
    });
    serveAppProtocol({
      rendererRoot,
      contentSecurityPolicy: contentSecurityPolicyFor(endpoint),
      onReadError: (error) => log.error('app-protocol.read-failed', { error }),
    });
    registerIpcHandlers(dispatch);

    idleLock.setConfig(idleLockConfigFromMinutes(policy.AutoLockMinutes, policy.SignOutAfterMinutes));
    watchPowerMonitor(idleLock);
    openMainWindow();

    const installKind = detectInstallKind({
      platform: process.platform,
      isPackaged: app.isPackaged,
      exePath: process.execPath,
      env: process.env,
      appBundleWritable: process.platform === 'darwin' && appBundleWritable(),
    });
    const plan = planUpdates({ mode: policy.UpdateMode, updateUrl: policy.UpdateUrl, installKind });
    log.info('updater.plan', plan.enabled ? { mode: plan.mode, installKind } : { reason: plan.reason, installKind });
    if (plan.enabled) {
      const { startUpdates } = await import('./adapters/updater');
      updates = await startUpdates(plan, {
        log,
        proxy: proxy.settings,
        onStatus: (status) => {
          sendToWindow('update:status', status);
          if (status.status === 'available' && plan.mode === 'notify' && notifications.isSupported()) {
            notifications.show('update_available', NOTIFICATION_TEXT.update_available);
          }
        },
      });
    }
  });
}

start();
