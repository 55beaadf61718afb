// Playwright end-to-end tests: the web workstation in Debian's Chromium against the built care server
// (`node dist/server/main.js`, run `npm run build` first) on a fresh temporary PGlite database.
import { defineConfig } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const port = Number(process.env.E2E_PORT ?? 8797);
// Lets tests see and route the service worker's own requests (Chromium): context.setOffline() does not reach
// them, so offline tests cut them off by routing (see tests/e2e/support/network.ts).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS ??= '1';
/** E2E_BASE_URL runs the suite against a server that is already running (no server is started then). */
const externalBaseURL = process.env.E2E_BASE_URL;
const baseURL = externalBaseURL ?? `http://127.0.0.1:${port}`;

// This file is evaluated by the runner and again by every worker: create the temporary folder once and
// hand it down through the environment, so workers (e.g. the TOTP helper) see the same one.
if (!process.env.HOUSECALL_E2E_ROOT) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'housecall-e2e-'));
  process.env.HOUSECALL_E2E_ROOT = root;
  // Removed when the runner exits, after the web server has been stopped. KEEP_E2E_DATA=1 keeps it.
  if (!process.env.KEEP_E2E_DATA) process.on('exit', () => rmSync(root, { recursive: true, force: true }));
}
const e2eRoot = process.env.HOUSECALL_E2E_ROOT;

const inheritedEnv = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.spec.ts',
  workers: 1,
  retries: 0,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL,
    headless: true,
    browserName: 'chromium',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: externalBaseURL ? undefined : {
    command: 'node dist/server/main.js',
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      ...inheritedEnv,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: path.join(e2eRoot, 'data'),
      DATABASE_URL: '', // always PGlite on the temporary folder, never a developer's PostgreSQL
      HOUSECALL_DEMO_SEED: 'true',
      LOG_LEVEL: 'warn',
    },
  },
});
