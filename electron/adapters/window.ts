// Creates the main window with the core web preferences, a fixed title and screen-capture protection per policy, and
// guards every web contents' navigation, popups and webviews.
import { app, BrowserWindow, shell, type WebContents } from 'electron';
import { PRODUCT_NAME } from '../core/app-identity';
import { decideWindowOpen, isInWindowNavigationAllowed, type NavigationPolicy } from '../core/navigation';
import type { NavigationRefusal } from '../core/shell-log-events';
import { shellWebPreferences, type ShellWebPreferences } from '../core/web-preferences';

export interface MainWindowOptions {
  preloadPath: string;
  entryUrl: string;
  /** ScreenCaptureProtection policy: hide the window from screenshots and screen sharing (Windows, macOS). */
  contentProtection: boolean;
}

export function createMainWindow({ preloadPath, entryUrl, contentProtection }: MainWindowOptions): BrowserWindow {
  const { preload } = shellWebPreferences(preloadPath);
  const window = new BrowserWindow({
    title: PRODUCT_NAME,
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    show: false,
    // Written out (and type-checked against core) so static scanners see every switch.
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
    } satisfies ShellWebPreferences,
  });
  // Before the first frame is shown, so no screenshot ever catches it unprotected.
  window.setContentProtection(contentProtection);
  // The OS shows window titles in task switchers, docks and screen readers' histories: never the page's title.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  void window.loadURL(entryUrl);
  return window;
}

/** Restores and focuses a window (a second launch, a notification click, a deep link). */
export function focusWindow(window: BrowserWindow | null): void {
  if (window === null || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

export type RefusalListener = (kind: NavigationRefusal, url: string) => void;

function guardWebContents(contents: WebContents, policy: NavigationPolicy, onRefused: RefusalListener): void {
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url, policy);
    // Only an allow-listed http(s) help origin reaches the OS browser; core returns null for everything else.
    if (decision.openInBrowser !== null) void shell.openExternal(decision.openInBrowser);
    else onRefused('window-open', url);
    return { action: decision.action };
  });
  contents.on('will-attach-webview', (event, _preferences, params) => {
    event.preventDefault();
    onRefused('webview', params.src ?? '');
  });
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    callback('');
  });
  // DevTools and other internal contents keep their own navigation; app windows may only go where core allows.
  if (contents.getType() !== 'window') return;
  contents.on('will-frame-navigate', (event) => {
    if (isInWindowNavigationAllowed(event.url, policy)) return;
    event.preventDefault();
    onRefused('navigate', event.url);
  });
  contents.on('will-redirect', (event) => {
    if (isInWindowNavigationAllowed(event.url, policy)) return;
    event.preventDefault();
    onRefused('redirect', event.url);
  });
}

/** Call before any window exists: applies the guards to every web contents the app ever creates. */
export function guardAllWebContents(policy: NavigationPolicy, onRefused: RefusalListener = () => undefined): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, policy, onRefused));
}
