// The first sync shows its progress in the frame and in the Sync status panel, and the status only says
// "all changes saved" once it is done. Pull answers are slowed down so the download can be watched.
import { expect, test } from '@playwright/test';
import { demoUser } from './support/demo-users';
import { goOffline, goOnline } from './support/network';
import { signIn, signOut } from './support/sign-in';
import { expectAllSaved, findVisitWithAction, rowAt, syncButton } from './support/workstation';

test('the first download shows a labelled progress bar in the frame and the panel', async ({ page }) => {
  await page.route('**/api/sync/pull*', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.fallback();
  });
  await signIn(page, demoUser('clinician'));

  const main = page.getByRole('main');
  const bar = main.getByRole('progressbar', { name: 'Downloading your patients' });
  await expect(bar).toBeVisible({ timeout: 20_000 });
  // Once the server has said how much there is, the bar has a value and a maximum (kept between pages).
  await expect(bar).toHaveAttribute('aria-valuemax', /^[1-9]\d*$/, { timeout: 20_000 });
  await expect(bar).toHaveAttribute('aria-valuenow', /^\d+$/);
  await expect(syncButton(page)).toHaveAccessibleName(/^Sync: downloading your patients \(\d+%\)$/);

  await syncButton(page).click();
  const panel = page.getByRole('dialog', { name: 'Sync status' });
  await expect(panel.getByRole('progressbar', { name: 'Downloading your patients' })).toBeVisible();
  await page.keyboard.press('Escape');

  await page.unroute('**/api/sync/pull*');
  await expectAllSaved(page);
  await expect(bar).toBeHidden();
  await signOut(page);
});

test('signing out with changes not yet on the server warns first', async ({ page, context }) => {
  await signIn(page, demoUser('clinician'));
  await expectAllSaved(page);
  const visit = await findVisitWithAction(page, 'Check in');

  await goOffline(context);
  await rowAt(page, visit.startsAt).getByRole('button', { name: 'Check in' }).click();
  await expect(syncButton(page)).toHaveAccessibleName(/1 change waiting/);

  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  const warning = page.getByRole('alertdialog', { name: 'Sign out with changes not on the server?' });
  await expect(warning).toContainText('1 change made on this device has not reached the care server');
  await warning.getByRole('button', { name: 'Stay signed in' }).click();
  await expect(warning).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

  await goOnline(context);
  await expectAllSaved(page, 30_000);
  await signOut(page);
});
