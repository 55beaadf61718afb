// Update decisions: per-machine installs never self-update; UpdateMode and UpdateUrl decide the rest.
import { describe, expect, it } from 'vitest';
import { detectInstallKind, planUpdates, type InstallFacts } from '../../../electron/core/updates';

const winEnv = { ProgramFiles: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\nurse\\AppData\\Local' };

describe('detectInstallKind', () => {
  it.each<[string, Partial<InstallFacts>, string]>([
    ['development run', { isPackaged: false }, 'development'],
    ['MSI / per-machine NSIS in Program Files', { platform: 'win32', exePath: 'C:\\Program Files\\Housecall\\Housecall.exe', env: winEnv }, 'per-machine'],
    ['per-machine with different casing', { platform: 'win32', exePath: 'c:\\PROGRAM FILES\\Housecall\\Housecall.exe', env: winEnv }, 'per-machine'],
    ['per-user NSIS in LocalAppData\\Programs', { platform: 'win32', exePath: 'C:\\Users\\nurse\\AppData\\Local\\Programs\\Housecall\\Housecall.exe', env: winEnv }, 'per-user'],
    ['unknown location on Windows counts as per-machine', { platform: 'win32', exePath: 'D:\\Apps\\Housecall\\Housecall.exe', env: winEnv }, 'per-machine'],
    ['LocalAppData lookalike prefix', { platform: 'win32', exePath: 'C:\\Users\\nurse\\AppData\\LocalEvil\\Housecall.exe', env: winEnv }, 'per-machine'],
    ['pkg install (bundle not writable)', { platform: 'darwin', exePath: '/Applications/Housecall.app/Contents/MacOS/Housecall', appBundleWritable: false }, 'per-machine'],
    ['dmg drag-install the user can replace', { platform: 'darwin', exePath: '/Applications/Housecall.app/Contents/MacOS/Housecall', appBundleWritable: true }, 'per-user'],
    ['deb/rpm', { platform: 'linux', exePath: '/opt/Housecall/housecall', env: {} }, 'per-machine'],
    ['AppImage', { platform: 'linux', exePath: '/tmp/.mount_Housec/housecall', env: { APPIMAGE: '/home/nurse/Housecall.AppImage' } }, 'per-user'],
  ])('%s -> %s', (_label, overrides, kind) => {
    expect(detectInstallKind({ platform: 'win32', isPackaged: true, exePath: '', env: {}, ...overrides })).toBe(kind);
  });
});

describe('planUpdates', () => {
  const url = 'https://updates.example.org/housecall/';
  it.each<[string, Parameters<typeof planUpdates>[0], unknown]>([
    ['auto: download and install on quit', { mode: 'auto', updateUrl: url, installKind: 'per-user' }, { enabled: true, mode: 'auto', feedUrl: 'https://updates.example.org/housecall', autoDownload: true, autoInstallOnAppQuit: true }],
    ['notify: tell, do not download', { mode: 'notify', updateUrl: url, installKind: 'per-user' }, { enabled: true, mode: 'notify', feedUrl: 'https://updates.example.org/housecall', autoDownload: false, autoInstallOnAppQuit: false }],
    ['disabled: never', { mode: 'disabled', updateUrl: url, installKind: 'per-user' }, { enabled: false, reason: 'disabled-by-policy' }],
    ['per-machine install: never, whatever the mode', { mode: 'auto', updateUrl: url, installKind: 'per-machine' }, { enabled: false, reason: 'per-machine-install' }],
    ['no update URL', { mode: 'auto', updateUrl: '', installKind: 'per-user' }, { enabled: false, reason: 'no-update-url' }],
    ['plain http refused', { mode: 'auto', updateUrl: 'http://updates.example.org', installKind: 'per-user' }, { enabled: false, reason: 'insecure-url' }],
    ['development run', { mode: 'auto', updateUrl: url, installKind: 'development' }, { enabled: false, reason: 'development' }],
  ])('%s', (_label, input, plan) => {
    expect(planUpdates(input)).toEqual(plan);
  });
});
