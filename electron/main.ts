// Electron main process wiring: single instance, app:// scheme, session permissions, the IPC bridge and the main window.
import { app, BrowserWindow, dialog, session } from 'electron';
import path from 'node:path';
import { ipcOk } from '../shared/ipc';
import { registerAppSchemePrivileges, serveAppProtocol } from './adapters/app-protocol';
import { registerIpcHandlers, sendBridgeEvent } from './adapters/ipc';
import { safeStorageKeyStore } from './adapters/key-store';
import { osNotificationPresenter } from './adapters/notifications';
import { applySessionPermissions } from './adapters/session-permissions';
import { createMainWindow, focusWindow, guardAllWebContents } from './adapters/window';
import { APP_ENTRY_URL, APP_ID, APP_ORIGIN, PRODUCT_NAME } from './core/app-identity';
import { resolveServerConfig } from './core/config';
import { contentSecurityPolicyFor } from './core/csp';
import { createIpcDispatcher } from './core/ipc-dispatch';
import { createKeyStoreHandlers } from './core/key-store';
import type { NavigationPolicy } from './core/navigation';
import { createNotifyHandler } from './core/notify';
import type { MediaPermissionPolicy } from './core/permissions';

// This file is bundled to dist/electron/main.cjs; the preload sits beside it and the renderer in dist/renderer.
const preloadPath = path.join(__dirname, 'preload.cjs');
const rendererRoot = path.join(__dirname, '..', 'renderer');

/** Until managed policy is wired in, video visits may use camera and microphone. */
const mediaPolicy: MediaPermissionPolicy = { allowCamera: true, allowMicrophone: true };

/**
 * Started as `electron dist/electron/main.cjs` Electron finds no package.json and would call itself "Electron":
 * fix the name and profile folder (which also scopes the single-instance lock). --user-data-dir= still wins, for tests.
 */
function useHousecallProfile(): void {
  app.setName(PRODUCT_NAME);
  const userDataOverride = app.commandLine.getSwitchValue('user-data-dir');
  app.setPath('userData', userDataOverride !== '' ? path.resolve(userDataOverride) : path.join(app.getPath('appData'), PRODUCT_NAME));
}

function start(): void {
  useHousecallProfile();
  const config = resolveServerConfig({ argv: process.argv, env: process.env });
  if (!config.ok) {
    dialog.showErrorBox('Housecall cannot start', config.error);
    app.exit(1);
    return;
  }
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  const server = config.value.server;
  const navigationPolicy: NavigationPolicy = {
    appOrigin: APP_ORIGIN,
    serverOrigin: server.origin,
    isDevelopment: !app.isPackaged,
    externalHelpOrigins: [],
  };

  app.setAppUserModelId(APP_ID);
  app.enableSandbox();
  registerAppSchemePrivileges();
  guardAllWebContents(navigationPolicy);

  let mainWindow: BrowserWindow | null = null;
  const openMainWindow = (): void => {
    mainWindow = createMainWindow({ preloadPath, entryUrl: APP_ENTRY_URL });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };

  const dispatch = createIpcDispatcher({
    appOrigin: APP_ORIGIN,
    reportError: (channel, error) => console.error(`[ipc] ${channel} failed`, error),
    handlers: {
      'app:get-info': () =>
        ipcOk({ appVersion: app.getVersion(), platform: process.platform, isPackaged: app.isPackaged, serverUrl: server.baseUrl }),
      ...createKeyStoreHandlers(safeStorageKeyStore()),
      ...createNotifyHandler(
        osNotificationPresenter({
          onClicked: (kind) => {
            focusWindow(mainWindow);
            if (mainWindow !== null && !mainWindow.isDestroyed()) sendBridgeEvent(mainWindow.webContents, 'notify:clicked', { kind }, APP_ORIGIN);
          },
        }),
      ),
    },
  });

  app.on('second-instance', () => focusWindow(mainWindow));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });

  void app.whenReady().then(() => {
    applySessionPermissions(session.defaultSession, { policy: mediaPolicy, appOrigin: APP_ORIGIN, serverOrigin: server.origin });
    serveAppProtocol({ rendererRoot, contentSecurityPolicy: contentSecurityPolicyFor(server) });
    registerIpcHandlers(dispatch);
    openMainWindow();
  });
}

start();
