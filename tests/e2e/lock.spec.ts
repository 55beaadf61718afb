// The workstation lock in the web workstation (Chromium) against the real care server: after AutoLockMinutes without
// page activity (the server's GET /api/config; the page's clock is fast-forwarded, no test hook) only the lock screen
// is in the page, no patient name or note text; a wrong password is refused; the right one brings the draft back.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { demoPassword, demoUser } from './support/demo-users';
import { signIn, signOut } from './support/sign-in';
import { expectAllSaved, findVisitWithAction, noteStatus, openNote } from './support/workstation';

const clinician = demoUser('clinician');
/** The server's default AutoLockMinutes is 15 (HOUSECALL_AUTO_LOCK_MINUTES). */
const PAST_AUTO_LOCK = '16:00';

const lockDialog = (page: Page) => page.getByRole('dialog', { name: 'Housecall is locked' });

test.beforeEach(async ({ page }) => {
  // A fake clock that runs in real time until fast-forwarded: the page's own timers decide when to lock.
  await page.clock.install();
});

test('idle locks the workstation, removes patient data from the page, and unlocking restores the draft', async ({ page }) => {
  await signIn(page, clinician);
  await expectAllSaved(page);

  const visit = await findVisitWithAction(page, 'Open note');
  await openNote(page, visit);
  const draft = `Lock test draft ${Date.now()}: mild wheeze, no distress.`;
  await page.getByLabel('Subjective').fill(draft);
  await expect(noteStatus(page)).toHaveText(/^Saved (on this device|to server)$/);
  await expect(page.getByRole('main')).toContainText(visit.patientName);

  // Go idle past AutoLockMinutes.
  await page.clock.fastForward(PAST_AUTO_LOCK);
  const dialog = lockDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Housecall is locked' })).toBeVisible();
  await expect(dialog).toHaveAttribute('aria-modal', 'true');

  // Nothing but the lock screen: no app frame, no patient name, no note text anywhere in the DOM.
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expect(page.getByRole('banner')).toHaveCount(0);
  const html = await page.content();
  expect(html).not.toContain(visit.patientName);
  expect(html).not.toContain(draft);
  expect(await page.evaluate(() => document.body.innerText)).not.toContain(visit.patientName);

  // A wrong password is refused and the screen stays locked.
  await dialog.getByLabel('Password').fill('not-the-password');
  await dialog.getByRole('button', { name: 'Unlock' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('That password is not correct.');
  await expect(dialog).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);

  // The right password unlocks; the draft is read back from the encrypted cache.
  const unlock = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/auth/unlock' && response.request().method() === 'POST');
  await dialog.getByLabel('Password').fill(demoPassword);
  await dialog.getByRole('button', { name: 'Unlock' }).click();
  expect((await unlock).status()).toBeLessThan(300);
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

  await openNote(page, visit);
  await expect(page.getByLabel('Subjective')).toHaveValue(draft);
  await expect(noteStatus(page)).toHaveText(/^Saved (on this device|to server)$/);

  await page.getByRole('button', { name: 'Back to schedule' }).click();
  await signOut(page);
});

test('page activity keeps the workstation unlocked; a reload while locked stays locked', async ({ page }) => {
  await signIn(page, clinician);
  await expectAllSaved(page);

  // Ten idle minutes, some typing, ten more: never fifteen in a row.
  await page.clock.fastForward('10:00');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Patients' }).click();
  await page.keyboard.press('Tab');
  await page.clock.fastForward('10:00');
  await expect(lockDialog(page)).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

  await page.clock.fastForward(PAST_AUTO_LOCK);
  await expect(lockDialog(page)).toBeVisible();

  // Reloading the tab is not a way around the lock.
  await page.reload();
  await expect(lockDialog(page)).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);

  await lockDialog(page).getByLabel('Password').fill(demoPassword);
  await lockDialog(page).getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await signOut(page);
});
