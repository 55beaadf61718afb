// Launches the real Electron shell (playwright-core _electron) and checks isolation, the bridge and the CSP; skips without the runtime.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ElectronApplication, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElectronRuntime, missingShellBuild } from './electron-runtime';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const runtime = findElectronRuntime(repoRoot);
const skipReason = runtime.available ? missingShellBuild(repoRoot) : runtime.reason;
if (skipReason !== null) console.info(`[tests/electron] skipping Electron shell tests: ${skipReason}`);

const SERVER_URL = 'https://care.example.org';

describe.skipIf(skipReason !== null)(`Electron shell${skipReason === null ? '' : ` (skipped: ${skipReason})`}`, () => {
  let shell: ElectronApplication;
  let page: Page;
  let userDataDir: string;

  beforeAll(async () => {
    if (!runtime.available) throw new Error('unreachable: skipped without runtime');
    userDataDir = mkdtempSync(path.join(os.tmpdir(), 'housecall-shell-'));
    const { _electron } = await import('playwright-core');
    shell = await _electron.launch({
      executablePath: runtime.executablePath,
      args: [repoRoot, `--server-url=${SERVER_URL}`, `--user-data-dir=${userDataDir}`],
      cwd: repoRoot,
    });
    page = await shell.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  afterAll(async () => {
    await shell?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  it('loads the renderer from app://housecall', () => {
    expect(page.url()).toBe('app://housecall/index.html');
  });

  it('gives the page no Node, no require and no raw ipcRenderer', async () => {
    const globals = await page.evaluate(() => {
      const scope = globalThis as unknown as Record<string, unknown>;
      return { require: typeof scope.require, process: typeof scope.process, bridgeKeys: Object.keys(scope.housecall ?? {}).sort() };
    });
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', bridgeKeys: ['invoke', 'on'] });
  });

  it('keeps the window on the app when the page tries to navigate elsewhere', async () => {
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe('app://housecall/index.html');
  });

  it('answers app:get-info with the configured server', async () => {
    const info = await page.evaluate(() => (globalThis as unknown as { housecall: { invoke: (c: string, r: unknown) => Promise<unknown> } }).housecall.invoke('app:get-info', {}));
    expect(info).toMatchObject({ ok: true, value: { serverUrl: SERVER_URL, isPackaged: false } });
  });

  it('refuses free-text notifications and unknown channels with results, not exceptions', async () => {
    const answers = await page.evaluate(async () => {
      const bridge = (globalThis as unknown as { housecall: { invoke: (c: string, r: unknown) => Promise<unknown> } }).housecall;
      return [await bridge.invoke('notify:show', { kind: 'patient_checked_in', body: 'Jane Doe' }), await bridge.invoke('fs:read', {})];
    });
    expect(answers).toMatchObject([{ ok: false, error: { code: 'bad_request' } }, { ok: false, error: { code: 'unknown_channel' } }]);
  });

  it('opens no new windows', async () => {
    const opened = await page.evaluate(() => window.open('https://example.com/') === null);
    expect(opened).toBe(true);
    expect(shell.windows()).toHaveLength(1);
  });

  it('blocks connections to origins other than the care server (CSP)', async () => {
    const outcome = await page.evaluate(async () => {
      try {
        await fetch('https://example.com/');
        return 'connected';
      } catch {
        return 'blocked';
      }
    });
    expect(outcome).toBe('blocked');
  });
});
