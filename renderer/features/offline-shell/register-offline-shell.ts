// Makes the web workstation open and reload without a network: registers the app-shell service worker /sw.js
// in a plain browser (Electron serves the app from app:// and needs none). The worker is renderer/public/sw.js,
// published at the site root because a worker under /assets/ could not control the page.
import { isElectron } from '../../platform';

export const SERVICE_WORKER_PATH = './sw.js';

let registering: Promise<boolean> | null = null;

/** Registers once per page; resolves true when a worker controls (or will control) the app shell. */
export function registerOfflineShell(): Promise<boolean> {
  registering ??= (async () => {
    if (isElectron() || !('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return false;
    try {
      await navigator.serviceWorker.register(SERVICE_WORKER_PATH, { scope: './', updateViaCache: 'none' });
      return true;
    } catch {
      return false;
    }
  })();
  return registering;
}
