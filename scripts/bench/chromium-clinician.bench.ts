// The clinician's daily screens in Chromium with a full cache (10,000 patients, 2,000 appointments; the scope of
// server-sync.bench.ts) against the built care server (npm run build first):
//  - patient search: from the input event of one keystroke to the results (the count for that query) painted;
//  - week view: from pressing "Week" (leaving the day view) to the seven days with their visits painted, and
//    from pressing "This week" in the next week; "Show all" on a day with hundreds of visits;
//  - opening a chart: from pressing a patient's name to the chart painted.
// Timed inside the page (performance.now(), ending at the next animation frame after the DOM shows the result),
// so the figures exclude Playwright's round trips. Medians after warm-ups.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBenchChromium, startBuiltServer } from './chromium-bench-env';
import type { Page } from 'playwright-core';
import { openDatabase } from '../../server/db/open';
import { BENCH_EMAIL, PASSWORD, setupBenchScope } from './server-sync.bench';

const PORT = 8796;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** In the page: runs `act`, resolves with the ms until `done` holds (checked on every DOM change) plus one frame. */
const TIME_IN_PAGE = `(actSource, doneSource) => new Promise((resolve, reject) => {
  const act = new Function(actSource);
  const isDone = new Function('return (' + doneSource + ');');
  const timeout = setTimeout(() => reject(new Error('not done: ' + doneSource)), 30000);
  let start = 0;
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    observer.disconnect();
    requestAnimationFrame(() => { clearTimeout(timeout); resolve(performance.now() - start); });
  };
  const observer = new MutationObserver(() => { if (isDone()) finish(); });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  start = performance.now();
  act();
  if (isDone()) finish();
})`;

async function timeInPage(page: Page, act: string, done: string): Promise<number> {
  return (await page.evaluate(`(${TIME_IN_PAGE})(${JSON.stringify(act)}, ${JSON.stringify(done)})`)) as number;
}

const typeInSearch = (q: string) => `
  const input = document.querySelector('input[type="search"]');
  const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  set.call(input, ${JSON.stringify(q)});
  input.dispatchEvent(new Event('input', { bubbles: true }));`;
const searchShows = (q: string) => `[...document.querySelectorAll('main [role="status"]')].some((s) => s.textContent.includes('“${q}”'))`;

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'housecall-bench-'));
const db = await openDatabase({ dataDir });
await setupBenchScope(db);
await db.close();

const { server, base } = await startBuiltServer(PORT, dataDir);

const browser = await launchBenchChromium();
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base);
  await page.getByLabel('Email').fill(BENCH_EMAIL);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sync: all changes saved to server' }).waitFor({ timeout: 600_000 });
  const nav = page.getByRole('navigation', { name: 'Main' });

  // Patient search: type "family" + digits one key at a time; each key narrows the 10,000 patients.
  await nav.getByRole('button', { name: 'Patients' }).click();
  await page.getByRole('main').getByRole('status').filter({ hasText: '10,000 patients on this device' }).waitFor({ timeout: 120_000 });
  const searchTimes: number[] = [];
  for (const [round, digits] of ['1111', '9876', '5432', '2468', '7531', '3690'].entries()) {
    await timeInPage(page, typeInSearch('family'), searchShows('family'));
    for (let i = 1; i <= digits.length; i++) {
      const q = `family${digits.slice(0, i)}`;
      const ms = await timeInPage(page, typeInSearch(q), searchShows(q));
      if (round > 0) searchTimes.push(ms); // round 0 warms up
    }
  }

  // Opening a chart from the search results.
  const chartTimes: number[] = [];
  for (const [i, n] of ['1001', '2002', '3003', '4004', '5005', '6006', '7007'].entries()) {
    const q = `family${n}`;
    await timeInPage(page, typeInSearch(q), searchShows(q));
    const ms = await timeInPage(page, `document.querySelector('main table tbody button').click();`, `document.querySelector('main article.hc-chart h2') !== null`);
    if (i > 0) chartTimes.push(ms);
    await page.getByRole('button', { name: /Back to patients/ }).click();
    await page.getByRole('searchbox', { name: 'Search patients' }).waitFor();
  }

  // Week view: from the day view, press "Week" until the days and their visits are on screen.
  await nav.getByRole('button', { name: 'Schedule' }).click();
  const weekTimes: number[] = [];
  let visitsShown = 0; // drawn: up to 30 a day
  for (let i = 0; i < 7; i++) {
    await page.getByRole('group', { name: 'Schedule view' }).getByRole('button', { name: 'Day' }).click();
    await page.getByRole('heading', { level: 2, name: /^Today, / }).waitFor();
    const ms = await timeInPage(page, `[...document.querySelectorAll('button')].find((b) => b.textContent === 'Week').click();`,
      `document.querySelectorAll('main ol.hc-week li[data-week-day]').length === 7 && document.querySelector('main .hc-week__visit') !== null`);
    if (i > 0) weekTimes.push(ms);
    visitsShown = await page.locator('main .hc-week__visit').count();
  }
  // How many visits the week holds: those drawn on full days plus each capped day's "Show all N".
  const inWeek = await page.evaluate(`[...document.querySelectorAll('main li[data-week-day]')].reduce((n, day) => {
    const more = [...day.querySelectorAll('button')].map((b) => /^Show all (\\d+) visits/.exec(b.textContent)).find(Boolean);
    return n + (more ? Number(more[1]) : day.querySelectorAll('.hc-week__visit').length);
  }, 0)`) as number;
  // Moving between weeks in the week view: "This week" from the next week (both weeks' visits are cached).
  const moveTimes: number[] = [];
  for (let i = 0; i < 7; i++) {
    await page.getByRole('button', { name: 'Next week' }).click();
    await page.getByRole('heading', { level: 2, name: /^Week of / }).waitFor();
    const ms = await timeInPage(page, `[...document.querySelectorAll('main button')].find((b) => b.textContent === 'This week').click();`,
      `[...document.querySelectorAll('main h2')].some((h) => h.textContent.startsWith('This week')) && document.querySelector('main .hc-week__visit') !== null`);
    if (i > 0) moveTimes.push(ms);
  }
  // Expanding the busiest day in full (hundreds of visits).
  const expandTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    await page.getByRole('group', { name: 'Schedule view' }).getByRole('button', { name: 'Day' }).click();
    await page.getByRole('group', { name: 'Schedule view' }).getByRole('button', { name: 'Week' }).click();
    const showAll = page.getByRole('button', { name: /^Show all \d+ visits/ }).first();
    await showAll.waitFor();
    const before = await page.locator('main .hc-week__visit').count();
    const ms = await timeInPage(page, `[...document.querySelectorAll('main button')].find((b) => b.textContent.startsWith('Show all')).click();`,
      `document.querySelectorAll('main .hc-week__visit').length > ${before}`);
    if (i > 0) expandTimes.push(ms);
  }

  console.log(JSON.stringify({ name: 'chromium: patient search, keystroke to results (10,000 cached patients)', value: median(searchTimes), unit: 'ms', target: '< 50 ms', better: 'lower' }));
  console.log(JSON.stringify({ name: `chromium: week view render (2,000 cached appointments, ${inWeek} in the week, ${visitsShown} drawn)`, value: median(weekTimes), unit: 'ms', target: '< 50 ms', better: 'lower' }));
  console.log(JSON.stringify({ name: 'chromium: week view, "This week" from the next week', value: median(moveTimes), unit: 'ms', target: '< 50 ms', better: 'lower' }));
  console.log(JSON.stringify({ name: 'chromium: week view, "Show all" on a day of ~230 visits', value: median(expandTimes), unit: 'ms', target: '', better: 'lower' }));
  console.log(JSON.stringify({ name: 'chromium: opening a chart (10,000 cached patients)', value: median(chartTimes), unit: 'ms', target: '< 50 ms', better: 'lower' }));
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
