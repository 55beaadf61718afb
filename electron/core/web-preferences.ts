// The locked-down webPreferences of every Housecall window (a structural subset of Electron's WebPreferences).
import path from 'node:path';

export interface ShellWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  experimentalFeatures: false;
  webviewTag: false;
  spellcheck: false;
  navigateOnDragDrop: false;
  safeDialogs: true;
  /** Middle-click (auxclick) must not open links in new windows. */
  disableBlinkFeatures: 'Auxclick';
}

/** `preloadPath` must be the absolute path of the bundled dist/electron/preload.cjs. */
export function shellWebPreferences(preloadPath: string): ShellWebPreferences {
  if (!path.isAbsolute(preloadPath)) throw new Error('The preload path must be absolute.');
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    // Spellcheck would send typed clinical text to the OS/cloud dictionary service.
    spellcheck: false,
    // A file dropped on the window must not replace the app.
    navigateOnDragDrop: false,
    safeDialogs: true,
    disableBlinkFeatures: 'Auxclick',
  };
}
