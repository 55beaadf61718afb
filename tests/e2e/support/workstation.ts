// Finding things in the signed-in workstation by role and name: the sync control and panel, schedule rows,
// and the note editor.
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

export const ALL_SAVED = 'Sync: all changes saved to server';
/** A first sync of the demo clinician downloads a few thousand rows. */
export const FIRST_SYNC_TIMEOUT = 60_000;

export const syncButton = (page: Page): Locator => page.getByRole('banner').getByRole('button', { name: /^Sync:/ });

export async function expectAllSaved(page: Page, timeout = FIRST_SYNC_TIMEOUT): Promise<void> {
  await expect(syncButton(page)).toHaveAccessibleName(ALL_SAVED, { timeout });
}

export async function openSyncPanel(page: Page): Promise<Locator> {
  await syncButton(page).click();
  const dialog = page.getByRole('dialog', { name: 'Sync status' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Waits until the app-shell service worker (/sw.js) is active and controls the page, so a reload works offline. */
export async function waitForOfflineShell(page: Page): Promise<void> {
  const controlled = () => page.evaluate(() => navigator.serviceWorker.controller !== null);
  await expect
    .poll(controlled, { timeout: 15_000, message: 'the app-shell service worker (/sw.js) should control the page so it can reload offline' })
    .toBe(true);
}

export const scheduleTable = (page: Page): Locator => page.getByRole('main').getByRole('table', { name: /^Appointments, / });

/** The schedule row of the visit starting at that instant (from the row's <time datetime>). */
export const rowAt = (page: Page, startsAt: string): Locator =>
  scheduleTable(page).getByRole('row').filter({ has: page.locator(`time[datetime="${startsAt}"]`) });

export interface VisitRef {
  startsAt: string;
  patientName: string;
  /** How many times "Next day" was pressed from today to reach it. */
  daysAhead: number;
}

/** The first visit offering `action` in the next days; `rowText` narrows it (e.g. /\(WA\)/: the patient is in Washington). */
export async function findVisitWithAction(page: Page, action: string, maxDays = 4, rowText?: RegExp): Promise<VisitRef> {
  const main = page.getByRole('main');
  for (let day = 0; day <= maxDays; day++) {
    if (day > 0) await main.getByRole('button', { name: 'Next day' }).click();
    await expect(main.getByRole('status').filter({ hasText: 'Loading the schedule' })).toHaveCount(0);
    const table = scheduleTable(page);
    if ((await table.count()) === 0) continue;
    let rows = table.getByRole('row').filter({ has: page.getByRole('button', { name: action, exact: true }) });
    if (rowText) rows = rows.filter({ hasText: rowText });
    const row = rows.first();
    if ((await row.count()) === 0) continue;
    const startsAt = await row.locator('time').first().getAttribute('datetime');
    const patientName = (await row.getByRole('rowheader').textContent())?.trim();
    if (!startsAt || !patientName) throw new Error('a schedule row without a time or a patient');
    return { startsAt, patientName, daysAhead: day };
  }
  throw new Error(`no visit offering "${action}" in the next ${maxDays} days`);
}

/** Shows the day of the visit (from today) and returns its row. */
export async function showVisit(page: Page, visit: VisitRef): Promise<Locator> {
  const main = page.getByRole('main');
  const today = main.getByRole('button', { name: 'Today', exact: true });
  if (await today.isEnabled()) await today.click();
  await expect(main.getByRole('heading', { level: 2, name: /^Today, / })).toBeVisible();
  for (let i = 0; i < visit.daysAhead; i++) await main.getByRole('button', { name: 'Next day' }).click();
  const row = rowAt(page, visit.startsAt);
  await expect(row).toHaveCount(1);
  return row;
}

export async function openNote(page: Page, visit: VisitRef): Promise<void> {
  const row = await showVisit(page, visit);
  await row.getByRole('button', { name: 'Open note' }).click();
  await expect(page.getByRole('heading', { name: `Note for ${visit.patientName}` })).toBeVisible();
  await expect(page.getByLabel('Subjective')).toBeEditable();
}

export const noteStatus = (page: Page): Locator => page.getByRole('main').getByRole('status').filter({ hasText: /^(Saving|Saved|Nothing typed|Not saved)/ });
