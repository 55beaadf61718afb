// Video call benchmarks in Chromium over loopback against the built care server (npm run build first), with
// fake camera/microphone: (a) a patient waits in the visit; from the clinician pressing "Join call" to the first
// remote video frame on the clinician's screen; (b) the patient's network is cut (setOffline + the peer made to
// fail, as in tests/e2e/video.spec.ts) for 3 s, then restored: from the restore to the first new remote frame on
// the clinician's screen. Medians of 3 runs each.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import { openDatabase } from '../../server/db/open';
import { hashPassword } from '../../server/auth/passwords';

const root = path.resolve(import.meta.dirname, '../..');
const PORT = 8813;
const EMAIL = 'video.bench@bench.housecall.test';
const PASSWORD = 'bench password that is long enough';
const RUNS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'housecall-video-bench-'));
const db = await openDatabase({ dataDir });
await db.transaction(async (tx) => {
  const clinicianId = randomUUID();
  const patientId = randomUUID();
  await tx.query(`INSERT INTO cities (id, name, state, time_zone, latitude, longitude) VALUES ('seattle', 'Seattle', 'WA', 'America/Los_Angeles', 47.6, -122.3)`);
  await tx.query(`INSERT INTO users (id, email, display_name, role, credential, time_zone, home_city_id, password_hash) VALUES ($1, $2, 'Dr. Bench', 'clinician', 'MD', 'America/Los_Angeles', 'seattle', $3)`,
    [clinicianId, EMAIL, await hashPassword(PASSWORD)]);
  await tx.query(`INSERT INTO staff_licenses (user_id, state, license_number, expires_on) VALUES ($1, 'WA', 'MD-BENCH', '2099-12-31')`, [clinicianId]);
  await tx.query(`INSERT INTO patients (id, mrn, given_name, family_name, birth_date, sex, address_line, address_city, address_state, postal_code, location_state, city_id)
                  VALUES ($1, 'BV000001', 'Bench', 'Patient', '1970-01-01', 'female', '1 Main St', 'Seattle', 'WA', '98101', 'WA', 'seattle')`, [patientId]);
  await tx.query(`INSERT INTO care_team (patient_id, user_id, relation) VALUES ($1, $2, 'primary')`, [patientId, clinicianId]);
  await tx.query(`INSERT INTO appointments (id, patient_id, clinician_id, kind, status, starts_at, ends_at, reason, city_id)
                  VALUES ($1, $2, $3, 'video', 'booked', now() + interval '5 minutes', now() + interval '35 minutes', 'Follow-up', 'seattle')`, [randomUUID(), patientId, clinicianId]);
});
await db.close();

const server = spawn(process.execPath, [path.join(root, 'dist/server/main.js')], {
  cwd: root, stdio: 'ignore',
  env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', HOUSECALL_DEMO_SEED: 'false', LOG_LEVEL: 'warn' },
});
const base = `http://127.0.0.1:${PORT}`;
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/api/health`)).ok) break;
  } catch {
    // not up yet
  }
  if (i > 200) throw new Error('server did not start');
  await new Promise((r) => setTimeout(r, 250));
}

// In-page code is passed as text: this Node-side script has no DOM types, and tsx would add helpers the page lacks.

/** Resolves (page clock, ms) at the first frame the remote <video> presents after `since`. */
function firstFrameAfter(page: Page, since: number, timeoutMs = 30_000): Promise<number> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const started = Date.now();
    setTimeout(() => reject(new Error('no remote frame in time')), ${timeoutMs});
    const watch = () => {
      const video = document.querySelector('video[aria-label="Patient video"]');
      if (!video) return void setTimeout(watch, 5);
      const onFrame = () => {
        const now = Date.now();
        if (now >= ${since} && video.videoWidth > 0) resolve(now);
        else video.requestVideoFrameCallback(onFrame);
      };
      video.requestVideoFrameCallback(onFrame);
    };
    watch();
  })`) as Promise<number>;
}

const PAGE_NOW = 'Date.now()';
/** Keeps the patient page's RTCPeerConnections so a run can make the peer fail. */
const KEEP_PEERS = `(() => {
  const peers = [];
  window.__peers = peers;
  const Native = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends Native { constructor(config) { super(config); peers.push(this); } };
})()`;
const CLOSE_PEERS = 'for (const pc of window.__peers) pc.close()';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--autoplay-policy=no-user-gesture-required'],
});
try {
  const clinicianContext = await browser.newContext();
  const clinician = await clinicianContext.newPage();
  await clinician.goto(base);
  await clinician.getByLabel('Email').fill(EMAIL);
  await clinician.getByLabel('Password').fill(PASSWORD);
  await clinician.getByRole('button', { name: 'Sign in' }).click();
  await clinician.getByRole('button', { name: 'Sync: all changes saved to server' }).waitFor({ timeout: 60_000 });
  await clinician.getByRole('button', { name: 'Start video visit' }).click();
  const linkField = clinician.getByLabel('Patient join link');
  await clinician.waitForFunction(`/\\/join\\//.test(document.querySelector('input[readonly]')?.value ?? '')`);
  const link = await linkField.inputValue();

  const patientContext = await browser.newContext();
  const patient = await patientContext.newPage();
  await patient.addInitScript(KEEP_PEERS);
  await patient.goto(link);
  await patient.getByRole('button', { name: 'Join visit' }).click();
  await patient.getByText('Your clinician will be with you shortly.').waitFor();

  const startTimes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const join = clinician.getByRole('button', { name: 'Join call' });
    await join.waitFor();
    await clinician.getByRole('combobox', { name: 'Camera' }).and(clinician.locator(':enabled')).waitFor();
    const clickedAt = (await clinician.evaluate(PAGE_NOW)) as number;
    const frame = firstFrameAfter(clinician, clickedAt);
    await join.click();
    startTimes.push((await frame) - clickedAt);
    if (run < RUNS - 1) {
      await clinician.getByRole('button', { name: 'Leave call' }).click();
      await patient.waitForTimeout(1_000);
    }
  }

  const recoveryTimes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await patient.waitForTimeout(2_000);
    await patientContext.setOffline(true);
    await patient.evaluate(CLOSE_PEERS);
    await clinician.getByText(/^Reconnecting…/).waitFor({ timeout: 20_000 });
    await patient.waitForTimeout(3_000);
    const restoredAt = (await clinician.evaluate(PAGE_NOW)) as number;
    const frame = firstFrameAfter(clinician, restoredAt);
    await patientContext.setOffline(false);
    recoveryTimes.push((await frame) - restoredAt);
  }

  console.log(JSON.stringify({ name: 'chromium loopback: "Join call" (patient waiting) to first remote video frame', value: median(startTimes), unit: 'ms', target: '< 1000 ms', better: 'lower' }));
  console.log(JSON.stringify({ name: 'chromium loopback: network restored to remote video flowing again', value: median(recoveryTimes), unit: 'ms', target: '< 5000 ms', better: 'lower' }));
  process.stderr.write(`start-call runs: ${startTimes.join(', ')} ms; recovery runs: ${recoveryTimes.join(', ')} ms\n`);
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
