// Video call benchmarks in Chromium over loopback against the built care server (npm run build first), with
// fake camera/microphone: (a) "Start visit": for each run a patient has opened their join link and is waiting in
// the waiting room ("Your clinician will be with you shortly."); from the clinician's click on "Start video visit"
// on that appointment in the schedule (the click event's time, taken in the page) to the first remote video frame
// presented on the clinician's screen (requestVideoFrameCallback on the patient's video, with a decoded size).
// One warm-up run, then the median of RUNS runs, each with its own appointment and patient. (b) The patient's
// network is cut (setOffline + the peer made to fail, as in tests/e2e/video.spec.ts) for 3 s, then restored: from
// the restore to the first new remote frame on the clinician's screen. Medians of 3 runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { launchBenchChromium, startBuiltServer } from './chromium-bench-env';
import type { BrowserContext, Page } from 'playwright-core';
import { openDatabase } from '../../server/db/open';
import { hashPassword } from '../../server/auth/passwords';

const PORT = 8813;
const EMAIL = 'video.bench@bench.housecall.test';
const PASSWORD = 'bench password that is long enough';
const RUNS = Number(process.env.BENCH_VIDEO_RUNS ?? 5);
const RECOVERY_RUNS = 3;
/** Distinct family names, one patient (and appointment) per start run; the first is the warm-up. */
const PATIENTS = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf', 'Hotel', 'India', 'Juliet', 'Kilo'].slice(0, RUNS + 1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'housecall-video-bench-'));
const db = await openDatabase({ dataDir });
await db.transaction(async (tx) => {
  const clinicianId = randomUUID();
  await tx.query(`INSERT INTO cities (id, name, state, time_zone, latitude, longitude) VALUES ('seattle', 'Seattle', 'WA', 'America/Los_Angeles', 47.6, -122.3)`);
  await tx.query(`INSERT INTO users (id, email, display_name, role, credential, time_zone, home_city_id, password_hash) VALUES ($1, $2, 'Dr. Bench', 'clinician', 'MD', 'America/Los_Angeles', 'seattle', $3)`,
    [clinicianId, EMAIL, await hashPassword(PASSWORD)]);
  await tx.query(`INSERT INTO staff_licenses (user_id, state, license_number, expires_on) VALUES ($1, 'WA', 'MD-BENCH', '2099-12-31')`, [clinicianId]);
  for (const [i, family] of PATIENTS.entries()) {
    const patientId = randomUUID();
    await tx.query(`INSERT INTO patients (id, mrn, given_name, family_name, birth_date, sex, address_line, address_city, address_state, postal_code, location_state, city_id)
                    VALUES ($1, $2, 'Bench', $3, '1970-01-01', 'female', '1 Main St', 'Seattle', 'WA', '98101', 'WA', 'seattle')`, [patientId, `BV${String(i).padStart(6, '0')}`, family]);
    await tx.query(`INSERT INTO care_team (patient_id, user_id, relation) VALUES ($1, $2, 'primary')`, [patientId, clinicianId]);
    await tx.query(`INSERT INTO appointments (id, patient_id, clinician_id, kind, status, starts_at, ends_at, reason, city_id)
                    VALUES ($1, $2, $3, 'video', 'booked', now() + make_interval(mins => 5 + 5 * $4::int), now() + make_interval(mins => 35 + 5 * $4::int), 'Follow-up', 'seattle')`,
      [randomUUID(), patientId, clinicianId, i]);
  }
});
await db.close();

const { server, base } = await startBuiltServer(PORT, dataDir);

// In-page code is passed as text: this Node-side script has no DOM types, and tsx would add helpers the page lacks.

/** Resolves (page clock, ms) at the first frame the remote <video> presents at or after `since` (a page time). */
function firstFrameAfter(page: Page, since: number | string, timeoutMs = 30_000): Promise<number> {
  return page.evaluate(`new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('no remote frame in time')), ${timeoutMs});
    const watch = () => {
      const video = document.querySelector('video[aria-label="Patient video"]');
      if (!video) return void setTimeout(watch, 2);
      const onFrame = () => {
        const now = Date.now();
        if (now >= (${since}) && video.videoWidth > 0) resolve(now);
        else video.requestVideoFrameCallback(onFrame);
      };
      video.requestVideoFrameCallback(onFrame);
    };
    watch();
  })`) as Promise<number>;
}

const PAGE_NOW = 'Date.now()';
/** Records (page clock) when a "Start video visit" button is clicked: the user's action, not the script's call. */
const RECORD_START_CLICKS = `document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button') : null;
  if (button && button.textContent.trim() === 'Start video visit') window.__startClickedAt = Date.now();
}, true)`;
/** Keeps the patient page's RTCPeerConnections so a run can make the peer fail. */
const KEEP_PEERS = `(() => {
  const peers = [];
  window.__peers = peers;
  const Native = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends Native { constructor(config) { super(config); peers.push(this); } };
})()`;
const CLOSE_PEERS = 'for (const pc of window.__peers) pc.close()';

const browser = await launchBenchChromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--autoplay-policy=no-user-gesture-required']);
try {
  const clinicianContext = await browser.newContext();
  const clinician = await clinicianContext.newPage();
  await clinician.addInitScript(RECORD_START_CLICKS);
  await clinician.goto(base);
  await clinician.getByLabel('Email').fill(EMAIL);
  await clinician.getByLabel('Password').fill(PASSWORD);
  await clinician.getByRole('button', { name: 'Sign in' }).click();
  await clinician.getByRole('button', { name: 'Sync: all changes saved to server' }).waitFor({ timeout: 60_000 });
  const main = clinician.getByRole('main');
  // BENCH_VIDEO_TRACE=1: a timeline of the start path per run (request, socket and signaling message times).
  const trace: Array<[number, string]> = [];
  const traceSockets = (page: Page, who: string) => page.on('websocket', (ws) => {
    trace.push([Date.now(), `${who} ws open`]);
    const kind = (payload: string | Buffer) => { try { const m = JSON.parse(String(payload)) as { type: string; signal?: { type: string }; member?: string }; return `${m.type}${m.signal ? `:${m.signal.type}` : ''}${m.member ? `:${m.member}` : ''}`; } catch { return '?'; } };
    ws.on('framesent', (f) => trace.push([Date.now(), `${who} ws > ${kind(f.payload)}`]));
    ws.on('framereceived', (f) => trace.push([Date.now(), `${who} ws < ${kind(f.payload)}`]));
  });
  if (process.env.BENCH_VIDEO_TRACE) {
    clinician.on('request', (r) => { if (r.url().includes('/api/')) trace.push([Date.now(), `-> ${r.method()} ${new URL(r.url()).pathname.replace(/[0-9a-f-]{36}/g, ':id')}`]); });
    clinician.on('response', (r) => { if (r.url().includes('/api/')) trace.push([Date.now(), `<- ${r.status()} ${new URL(r.url()).pathname.replace(/[0-9a-f-]{36}/g, ':id')}`]); });
    traceSockets(clinician, 'clinician');
  }
  const rowOf = (family: string) => main.getByRole('row').filter({ has: clinician.getByRole('rowheader', { name: new RegExp(family) }) });

  let patient: Page | null = null;
  let patientContext: BrowserContext | null = null;
  const startTimes: number[] = [];
  for (const [run, family] of PATIENTS.entries()) {
    // The visit is started once so its link exists; the patient opens it and waits; the clinician is back on the schedule.
    await rowOf(family).getByRole('button', { name: 'Start video visit' }).click();
    const linkField = main.getByLabel('Patient join link');
    let link = '';
    for (let i = 0; i < 300 && !/\/join\//.test(link); i++) {
      if (i > 0) await clinician.waitForTimeout(50);
      link = await linkField.inputValue();
    }
    await main.getByRole('button', { name: 'Back to schedule' }).click();
    await rowOf(family).waitFor();

    if (patientContext) await patientContext.close();
    patientContext = await browser.newContext();
    patient = await patientContext.newPage();
    await patient.addInitScript(KEEP_PEERS);
    if (process.env.BENCH_VIDEO_TRACE) traceSockets(patient, '  patient');
    await patient.goto(link);
    await patient.getByRole('button', { name: 'Join visit' }).click();
    await patient.getByText('Your clinician will be with you shortly.').waitFor();
    await patient.waitForTimeout(500);

    // Measured: "Start video visit" with the patient waiting -> the first remote frame on the clinician's screen.
    await clinician.evaluate('window.__startClickedAt = undefined');
    const frame = firstFrameAfter(clinician, 'window.__startClickedAt ?? Infinity');
    await rowOf(family).getByRole('button', { name: 'Start video visit' }).click();
    const frameAt = await frame;
    const clickedAt = (await clinician.evaluate('window.__startClickedAt')) as number;
    if (run > 0) startTimes.push(frameAt - clickedAt);
    process.stderr.write(`start run ${run}${run === 0 ? ' (warm-up)' : ''}: ${frameAt - clickedAt} ms\n`);
    if (process.env.BENCH_VIDEO_TRACE) {
      for (const [at, what] of trace.filter(([at]) => at >= clickedAt - 5 && at <= frameAt)) process.stderr.write(`  +${at - clickedAt} ms ${what}\n`);
      trace.length = 0;
    }
    if (run < PATIENTS.length - 1) {
      await main.getByRole('button', { name: 'Back to schedule' }).click();
      await rowOf(family).waitFor();
    }
  }

  const recoveryTimes: number[] = [];
  for (let run = 0; run < RECOVERY_RUNS; run++) {
    await patient!.waitForTimeout(2_000);
    await patientContext!.setOffline(true);
    await patient!.evaluate(CLOSE_PEERS);
    await clinician.getByText(/^Reconnecting…/).waitFor({ timeout: 20_000 });
    await patient!.waitForTimeout(3_000);
    const restoredAt = (await clinician.evaluate(PAGE_NOW)) as number;
    const frame = firstFrameAfter(clinician, restoredAt);
    await patientContext!.setOffline(false);
    recoveryTimes.push((await frame) - restoredAt);
  }

  console.log(JSON.stringify({ name: `chromium loopback: "Start video visit" (patient already in the waiting room) to first remote video frame, median of ${startTimes.length}`, value: median(startTimes), unit: 'ms', target: '< 1000 ms', better: 'lower' }));
  console.log(JSON.stringify({ name: 'chromium loopback: network restored to remote video flowing again', value: median(recoveryTimes), unit: 'ms', target: '< 5000 ms', better: 'lower' }));
  process.stderr.write(`start runs (after a warm-up): ${startTimes.join(', ')} ms; recovery runs: ${recoveryTimes.join(', ')} ms\n`);
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
