// Creates the main window with the core web preferences and guards every web contents' navigation, popups and webviews.
import { app, BrowserWindow, shell, type WebContents } from 'electron';
import { decideWindowOpen, isInWindowNavigationAllowed, type NavigationPolicy } from '../core/navigation';
import { shellWebPreferences } from '../core/web-preferences';

export interface MainWindowOptions {
  preloadPath: string;
  entryUrl: string;
}

export function createMainWindow({ preloadPath, entryUrl }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Housecall',
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    show: false,
    webPreferences: shellWebPreferences(preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(entryUrl);
  return window;
}

/** Restores and focuses a window (a second launch, a notification click). */
export function focusWindow(window: BrowserWindow | null): void {
  if (window === null || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

function guardWebContents(contents: WebContents, policy: NavigationPolicy): void {
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url, policy);
    if (decision.openInBrowser !== null) void shell.openExternal(decision.openInBrowser);
    return { action: decision.action };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    callback('');
  });
  // DevTools and other internal contents keep their own navigation; app windows may only go where core allows.
  if (contents.getType() !== 'window') return;
  contents.on('will-frame-navigate', (event) => {
    if (!isInWindowNavigationAllowed(event.url, policy)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isInWindowNavigationAllowed(event.url, policy)) event.preventDefault();
  });
}

/** Call before any window exists: applies the guards to every web contents the app ever creates. */
export function guardAllWebContents(policy: NavigationPolicy): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, policy));
}
