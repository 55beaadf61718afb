// Renderer memory budget in Chromium with a full cache (10,000 patients, 50,000 chart rows, 2,000 appointments; the
// scope of server-sync.bench.ts) against the built care server (npm run build first): the page's JS heap after the
// first sync, and after "a day's use" (rounds of patient search and charts, schedule day and week views, notes written
// and closed), each read after a forced garbage collection (CDP HeapProfiler.collectGarbage, Runtime.getHeapUsage).
// Target < 150 MB. Also the page's DOM node count, to spot leaks of detached screens.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBenchChromium, startBuiltServer } from './chromium-bench-env';
import type { CDPSession, Page } from 'playwright-core';
import { openDatabase } from '../../server/db/open';
import { BENCH_EMAIL, PASSWORD, setupBenchScope } from './server-sync.bench';

const PORT = Number(process.env.BENCH_HEAP_PORT ?? 8813);
const ROUNDS = Number(process.env.BENCH_HEAP_ROUNDS ?? 6);
const MB = 1024 * 1024;

/** Heap in use after two forced collections (MB), and the page's DOM node count. */
async function heapAfterGc(cdp: CDPSession): Promise<{ usedMb: number; nodes: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  await new Promise((r) => setTimeout(r, 300));
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
  const counters = (await cdp.send('Memory.getDOMCounters')) as { nodes: number };
  return { usedMb: Math.round((usage.usedSize / MB) * 10) / 10, nodes: counters.nodes };
}

/** One round of a clinician's day on the cached data. */
async function dayRound(page: Page, round: number): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  const main = page.getByRole('main');
  // Patients: a few searches and charts.
  await nav.getByRole('button', { name: 'Patients' }).click();
  for (const n of [`${round + 1}00`, `${round + 2}1`, `${round + 3}45`]) {
    const search = main.getByRole('searchbox', { name: 'Search patients' });
    await search.fill(`family${n}`);
    await main.getByRole('status').filter({ hasText: `“family${n}”` }).waitFor();
    await main.locator('table tbody button').first().click();
    await main.locator('article.hc-chart').waitFor();
    await page.getByRole('button', { name: /Back to patients/ }).click();
  }
  // Schedule: day, week, next week, this week, back to the day.
  await nav.getByRole('button', { name: 'Schedule' }).click();
  const views = main.getByRole('group', { name: 'Schedule view' });
  await views.getByRole('button', { name: 'Week' }).click();
  await main.getByRole('heading', { level: 2, name: /^This week, / }).waitFor();
  await main.getByRole('button', { name: 'Next week' }).click();
  await main.getByRole('heading', { level: 2, name: /^Week of / }).waitFor();
  await main.getByRole('button', { name: 'This week' }).click();
  await views.getByRole('button', { name: 'Day' }).click();
  await main.getByRole('heading', { level: 2, name: /^Today, / }).waitFor();
  // A note: check a visit in if needed, write, go back.
  const rows = main.getByRole('table', { name: /^Appointments, / }).getByRole('row');
  const row = rows.filter({ has: page.getByRole('button', { name: 'Check in', exact: true }) }).nth(round);
  await row.getByRole('button', { name: 'Check in', exact: true }).click();
  await row.getByRole('button', { name: 'Open note' }).click();
  await page.getByLabel('Subjective').fill(`Round ${round}: feeling better, no fever. `.repeat(20));
  await main.getByRole('status').filter({ hasText: /^Saved / }).waitFor();
  await page.getByRole('button', { name: 'Back to schedule' }).click();
  await main.getByRole('heading', { level: 2, name: /^Today, / }).waitFor();
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'housecall-bench-'));
const db = await openDatabase({ dataDir });
await setupBenchScope(db);
await db.close();

const { server, base } = await startBuiltServer(PORT, dataDir);

const browser = await launchBenchChromium();
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(base);
  await page.getByLabel('Email').fill(BENCH_EMAIL);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sync: all changes saved to server' }).waitFor({ timeout: 600_000 });
  const afterSync = await heapAfterGc(cdp);
  process.stderr.write(`after first sync: ${afterSync.usedMb} MB, ${afterSync.nodes} DOM nodes\n`);
  let afterDay = afterSync;
  for (let round = 0; round < ROUNDS; round++) {
    await dayRound(page, round);
    afterDay = await heapAfterGc(cdp);
    process.stderr.write(`after round ${round + 1}: ${afterDay.usedMb} MB, ${afterDay.nodes} DOM nodes\n`);
  }
  console.log(JSON.stringify({ name: 'chromium: renderer JS heap after first sync (10,000 cached patients, after GC)', value: afterSync.usedMb, unit: 'MB', target: '< 150 MB', better: 'lower' }));
  console.log(JSON.stringify({ name: `chromium: renderer JS heap after a day's use (${ROUNDS} rounds of search, charts, schedule, notes; after GC)`, value: afterDay.usedMb, unit: 'MB', target: '< 150 MB', better: 'lower' }));
  console.log(JSON.stringify({ name: "chromium: DOM nodes after a day's use", value: afterDay.nodes, unit: 'nodes', target: '', better: 'lower' }));
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
