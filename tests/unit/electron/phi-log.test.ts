// No PHI in the shell's log folder: distinctive patient strings are pushed through every main-process path that logs
// (IPC handler failures and refusals, refused navigations, popups and webviews, crash handlers, refused deep links,
// policy issues) with the real logger and file sink, then the whole log folder is searched for them.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as WindowAdapter from '../../../electron/adapters/window';
import { fileLogSink } from '../../../electron/adapters/log-file';
import { createIpcDispatcher, type IpcHandlers } from '../../../electron/core/ipc-dispatch';
import { createShellLogger, type ShellLogger } from '../../../electron/core/log';
import { mergePolicy } from '../../../electron/core/policy-merge';
import { crashLogHandlers, logDeepLinkRefused, logIpcFailure, logIpcRefused, logNavigationRefused, logPolicyIssues } from '../../../electron/core/shell-log-events';
import { ipcOk } from '../../../shared/ipc';
import { defaultEffectivePolicy } from '../../../shared/policy';

const PATIENT = {
  name: 'Zebulon Quarterman-Vasquez',
  dob: '1937-11-23',
  mrn: 'MRN-88417263',
  phone: '555-0142-7788',
  complaint: 'pericardial tamponade',
};
const SEEDS = [PATIENT.name, 'Zebulon', 'Quarterman', PATIENT.dob, PATIENT.mrn, '88417263', PATIENT.phone, PATIENT.complaint, 'tamponade'];
const PHI_TEXT = `${PATIENT.name} (DOB ${PATIENT.dob}, ${PATIENT.mrn}, tel ${PATIENT.phone}): ${PATIENT.complaint}`;
const PHI_QUERY = `name=${encodeURIComponent(PATIENT.name)}&dob=${PATIENT.dob}&mrn=${PATIENT.mrn}`;

const electronFake = vi.hoisted(() => ({ appListeners: new Map<string, (...args: unknown[]) => void>(), opened: [] as string[] }));
vi.mock('electron', () => ({
  app: { on: (event: string, listener: (...args: unknown[]) => void) => electronFake.appListeners.set(event, listener) },
  shell: { openExternal: async (url: string) => void electronFake.opened.push(url) },
  BrowserWindow: class {},
}));

let userData: string;
let logDir: string;
let log: ShellLogger;

function logFolderText(): string {
  return readdirSync(logDir)
    .map((file) => readFileSync(path.join(logDir, file), 'utf8'))
    .join('\n');
}

beforeAll(() => {
  userData = mkdtempSync(path.join(os.tmpdir(), 'housecall-userdata-'));
  logDir = path.join(userData, 'logs');
  log = createShellLogger({ sink: fileLogSink({ directory: logDir }), level: 'debug' });
});

afterAll(() => {
  rmSync(userData, { recursive: true, force: true });
});

describe('PHI never reaches the log folder', () => {
  it('IPC: a handler that throws with patient details, and refused calls carrying them', async () => {
    const handlers = {
      'app:get-info': () => {
        throw new Error(`Could not load chart for ${PHI_TEXT}`);
      },
      'notify:show': () => Promise.reject(Object.assign(new TypeError(PHI_TEXT), { code: PATIENT.name })),
      'policy:get-effective': () => ipcOk({ policy: defaultEffectivePolicy(), issues: [] }),
    } as unknown as IpcHandlers;
    const dispatch = createIpcDispatcher({
      handlers,
      appOrigin: 'app://housecall',
      reportError: (channel, error) => logIpcFailure(log, channel, error),
      reportRefusal: (channel, code) => logIpcRefused(log, channel, code),
    });
    const appFrame = { frameUrl: 'app://housecall/index.html', isTopFrame: true };
    await dispatch('app:get-info', appFrame, {});
    await dispatch('notify:show', appFrame, { kind: 'patient_checked_in' });
    await dispatch('notify:show', appFrame, { kind: 'patient_checked_in', body: PHI_TEXT });
    await dispatch(`chart:${PATIENT.name}`, appFrame, { note: PHI_TEXT });
    await dispatch('app:get-info', { frameUrl: `https://evil.example/?${PHI_QUERY}`, isTopFrame: true }, {});
    await dispatch('app:get-info', { frameUrl: `app://housecall/patients?${PHI_QUERY}`, isTopFrame: false }, {});
    expect(logFolderText()).toContain('ipc.handler-failed');
    expect(logFolderText()).toContain('ipc.refused');
  });

  it('navigation: refused in-window navigations, redirects, popups and webviews with patient data in the URL', async () => {
    const adapter: typeof WindowAdapter = await import('../../../electron/adapters/window');
    adapter.guardAllWebContents(
      { appOrigin: 'app://housecall', serverOrigin: 'https://care.example.org', isDevelopment: false, externalHelpOrigins: [] },
      (kind, url) => logNavigationRefused(log, kind, url),
    );
    const contentsListeners = new Map<string, (...args: unknown[]) => void>();
    let openHandler: ((details: { url: string }) => unknown) | null = null;
    const contents = {
      getType: () => 'window',
      on: (event: string, listener: (...args: unknown[]) => void) => contentsListeners.set(event, listener),
      setWindowOpenHandler: (handler: (details: { url: string }) => unknown) => (openHandler = handler),
    };
    electronFake.appListeners.get('web-contents-created')!({}, contents);
    const event = (url: string) => ({ url, preventDefault: vi.fn() });
    contentsListeners.get('will-frame-navigate')!(event(`https://evil.example/chart/${encodeURIComponent(PATIENT.name)}?${PHI_QUERY}`));
    contentsListeners.get('will-redirect')!(event(`https://tracker.example/r?${PHI_QUERY}`));
    contentsListeners.get('will-attach-webview')!({ preventDefault: vi.fn() }, {}, { src: `https://embed.example/#${PHI_TEXT}` });
    expect(openHandler!({ url: `mailto:doctor@example.org?subject=${encodeURIComponent(PHI_TEXT)}` })).toEqual({ action: 'deny' });
    expect(electronFake.opened).toEqual([]);
    expect(logFolderText()).toContain('navigation.refused');
    expect(logFolderText()).toContain('https://evil.example');
  });

  it('crashes: main-process exceptions and rejections with patient details, renderer and child process gone', () => {
    const crash = crashLogHandlers(log);
    crash.uncaughtException(new RangeError(`Note for ${PHI_TEXT} exceeded limit`));
    crash.unhandledRejection(PHI_TEXT);
    crash.unhandledRejection({ patient: PATIENT });
    crash.renderProcessGone({ reason: 'crashed', exitCode: 139 });
    crash.childProcessGone({ type: 'GPU', reason: 'oom', exitCode: 1 });
    expect(logFolderText()).toContain('crash.main-exception');
    expect(logFolderText()).toContain('"reason":"crashed"');
  });

  it('deep links and policy values an attacker or a careless admin filled with patient details', () => {
    logDeepLinkRefused(log, `housecall://visit/${PATIENT.name}?${PHI_QUERY}`);
    logDeepLinkRefused(log, `${PATIENT.name.split(' ')[0]}://open`);
    const merged = mergePolicy({ 'mandatory-machine': { [PATIENT.name]: PHI_TEXT, AutoLockMinutes: PHI_TEXT, Zebulon: 1 } });
    logPolicyIssues(log, merged.issues);
    expect(logFolderText()).toContain('policy.ignored');
  });

  it('leaves none of the seeded strings anywhere in the log folder', () => {
    const text = logFolderText();
    expect(text.length).toBeGreaterThan(500);
    for (const seed of SEEDS) {
      expect(text.toLowerCase(), seed).not.toContain(seed.toLowerCase());
      expect(text, seed).not.toContain(encodeURIComponent(seed));
    }
  });
});
