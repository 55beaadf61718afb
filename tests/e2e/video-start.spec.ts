// "Start video visit" when the patient is already in the waiting room goes straight into the call: the clinician
// starts the visit and sends the link, leaves the visit screen; the patient opens the link and waits; the
// clinician presses "Start video visit" again on the schedule and the patient's video plays with no device check
// and no "Join call" in between. The visit is ended at the end, so other specs never find it waiting.
import { expect, test } from '@playwright/test';
import { demoUser } from './support/demo-users';
import { signIn } from './support/sign-in';
import { expectAllSaved, findVisitWithAction, showVisit } from './support/workstation';
import { FAKE_MEDIA_ARGS, expectFramesFlowing } from './support/video';

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...FAKE_MEDIA_ARGS],
  },
});

test('"Start video visit" with the patient waiting connects the call at once', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  await signIn(page, demoUser('clinician'));
  await expectAllSaved(page);
  const visit = await findVisitWithAction(page, 'Start video visit');
  let row = await showVisit(page, visit);
  await row.getByRole('button', { name: 'Start video visit' }).click();
  const main = page.getByRole('main');
  const linkField = main.getByLabel('Patient join link');
  await expect(linkField).toHaveValue(/\/join\/[A-Za-z0-9_-]{43}$/);
  // The patient has not joined yet: the device check comes first.
  await expect(main.getByRole('button', { name: 'Join call' })).toBeVisible();
  const link = new URL(await linkField.inputValue());
  await main.getByRole('button', { name: 'Back to schedule' }).click();

  const patientContext = await browser.newContext({ baseURL: baseURL! });
  const patient = await patientContext.newPage();
  await patient.goto(link.pathname);
  const patientMain = patient.getByRole('main');
  await patientMain.getByRole('button', { name: 'Join visit' }).click();
  await expect(patientMain.getByRole('status').filter({ hasText: 'Your clinician will be with you shortly.' })).toBeVisible();

  row = await showVisit(page, visit);
  await row.getByRole('button', { name: 'Start video visit' }).click();
  await expect(main.getByRole('heading', { name: `Video visit with ${visit.patientName}` })).toBeVisible();
  await expectFramesFlowing(page, 'Patient video');
  await expectFramesFlowing(patient, 'Clinician video');
  await expect(main.getByRole('button', { name: 'Join call' })).toHaveCount(0);
  for (const name of ['Mute', 'Turn camera off', 'Audio only', 'Leave call', 'End visit']) await expect(main.getByRole('button', { name })).toBeVisible();
  await expect(main.getByRole('combobox', { name: 'Switch camera' })).toBeVisible();

  await main.getByRole('button', { name: 'End visit' }).click();
  await page.getByRole('alertdialog', { name: 'End this visit?' }).getByRole('button', { name: 'End visit' }).click();
  await expect(main.getByRole('status').filter({ hasText: 'The visit has ended.' })).toBeVisible();
  await expect(patientMain.getByRole('heading', { name: 'Your visit has ended' })).toBeVisible({ timeout: 20_000 });
  await patientContext.close();
});
