// What the Chromium benchmarks share: the built care server on a prepared data dir (in its own process) and
// Debian's Chromium launched headless with the flags this machine needs.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

const root = path.resolve(import.meta.dirname, '../..');

/** Starts dist/server/main.js on PGlite in `dataDir` and waits until it answers its health check. */
export async function startBuiltServer(port: number, dataDir: string): Promise<{ server: ChildProcess; base: string }> {
  const server = spawn(process.execPath, [path.join(root, 'dist/server/main.js')], {
    cwd: root, stdio: 'ignore',
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', HOUSECALL_DEMO_SEED: 'false', LOG_LEVEL: 'warn' },
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    if (i > 200) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 250));
  }
  return { server, base };
}

/** Headless Chromium (CHROMIUM_PATH or /usr/bin/chromium); `extraArgs` e.g. the fake media devices. */
export function launchBenchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extraArgs],
  });
}
