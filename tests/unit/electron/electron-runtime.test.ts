// The shell tests run when the Electron binary is installed and skip with a reason when it is not.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findElectronRuntime, missingShellBuild } from '../../electron/electron-runtime';

const roots: string[] = [];
function fakeRepo(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'housecall-runtime-'));
  roots.push(root);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  return root;
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('findElectronRuntime', () => {
  it('finds the binary named by path.txt inside dist/', () => {
    const root = fakeRepo({ 'node_modules/electron/path.txt': 'electron', 'node_modules/electron/dist/electron': '' });
    expect(findElectronRuntime(root, {})).toEqual({ available: true, executablePath: path.join(root, 'node_modules/electron/dist/electron') });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', () => {
    const root = fakeRepo({ 'node_modules/electron/path.txt': 'electron', 'custom/electron': '' });
    expect(findElectronRuntime(root, { ELECTRON_OVERRIDE_DIST_PATH: path.join(root, 'custom') })).toMatchObject({ available: true });
  });

  it('skips with a reason when path.txt is missing (download skipped)', () => {
    expect(findElectronRuntime(fakeRepo({ 'node_modules/electron/index.js': '' }), {})).toMatchObject({ available: false, reason: expect.stringMatching(/path\.txt/) });
  });

  it('skips with a reason when path.txt names a binary that is not there', () => {
    const root = fakeRepo({ 'node_modules/electron/path.txt': 'Electron.app/Contents/MacOS/Electron' });
    expect(findElectronRuntime(root, {})).toMatchObject({ available: false, reason: expect.stringMatching(/binary missing/) });
  });
});

describe('missingShellBuild', () => {
  it('names what is missing', () => {
    expect(missingShellBuild(fakeRepo({ 'dist/electron/main.cjs': '' }))).toMatch(/preload\.cjs.*index\.html/);
  });

  it('is null when main, preload and renderer are built', () => {
    const root = fakeRepo({ 'dist/electron/main.cjs': '', 'dist/electron/preload.cjs': '', 'dist/renderer/index.html': '' });
    expect(missingShellBuild(root)).toBeNull();
  });
});
