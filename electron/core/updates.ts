// Update decisions: is this a per-machine install (never self-updates), and what UpdateMode + UpdateUrl ask the
// updater (electron-updater, generic provider) to do.
import path from 'node:path';
import type { UpdateMode } from '../../shared/policy';

export type InstallKind = 'per-machine' | 'per-user' | 'development';

export interface InstallFacts {
  platform: string;
  isPackaged: boolean;
  /** process.execPath of the running app. */
  exePath: string;
  env: Readonly<Record<string, string | undefined>>;
  /** macOS: may this user replace the .app bundle (false for a root-owned pkg install)? */
  appBundleWritable?: boolean;
}

function isInside(child: string, parent: string | undefined): boolean {
  if (parent === undefined || parent.trim() === '') return false;
  const relative = path.win32.relative(path.win32.normalize(parent).toLowerCase(), path.win32.normalize(child).toLowerCase());
  return relative !== '' && !relative.startsWith('..') && !path.win32.isAbsolute(relative);
}

/**
 * Windows: the per-user NSIS install lives in %LOCALAPPDATA%\Programs; anything else (Program Files: MSI or a
 * per-machine NSIS) is per-machine. macOS: a bundle this user cannot replace (pkg) is per-machine. Linux: only an
 * AppImage updates itself; deb and rpm belong to the package manager.
 */
export function detectInstallKind(facts: InstallFacts): InstallKind {
  if (!facts.isPackaged) return 'development';
  switch (facts.platform) {
    case 'win32':
      return isInside(facts.exePath, facts.env.LOCALAPPDATA) && !isInside(facts.exePath, facts.env.ProgramFiles) ? 'per-user' : 'per-machine';
    case 'darwin':
      return facts.appBundleWritable === true ? 'per-user' : 'per-machine';
    case 'linux':
      return facts.env.APPIMAGE !== undefined && facts.env.APPIMAGE !== '' ? 'per-user' : 'per-machine';
    default:
      return 'per-machine';
  }
}

export type UpdatePlan =
  | { enabled: false; reason: 'disabled-by-policy' | 'no-update-url' | 'per-machine-install' | 'development' | 'insecure-url' }
  | { enabled: true; mode: 'auto' | 'notify'; feedUrl: string; autoDownload: boolean; autoInstallOnAppQuit: boolean };

/** Check at start-up and then this often. */
export const UPDATE_CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

export function planUpdates({ mode, updateUrl, installKind }: { mode: UpdateMode; updateUrl: string; installKind: InstallKind }): UpdatePlan {
  if (mode === 'disabled') return { enabled: false, reason: 'disabled-by-policy' };
  if (installKind === 'development') return { enabled: false, reason: 'development' };
  if (installKind === 'per-machine') return { enabled: false, reason: 'per-machine-install' };
  if (updateUrl === '') return { enabled: false, reason: 'no-update-url' };
  if (!/^https:\/\/[^\s/?#@\\]+(?:\/[^\s?#\\]*)?$/i.test(updateUrl)) return { enabled: false, reason: 'insecure-url' };
  const feedUrl = updateUrl.replace(/\/+$/, '');
  return mode === 'auto'
    ? { enabled: true, mode, feedUrl, autoDownload: true, autoInstallOnAppQuit: true }
    : { enabled: true, mode, feedUrl, autoDownload: false, autoInstallOnAppQuit: false };
}
