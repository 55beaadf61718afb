// Video visits end to end: the clinician starts a visit from the schedule and sends the one-time link; the patient
// opens it in another browser context (fake camera and microphone), checks devices and waits; the call connects
// and remote video frames arrive on both sides. Then the patient's network is cut (HTTP and WebSocket; the WebRTC
// peer is made to fail, see support/video.ts for why), both sides show "Reconnecting…", the network comes back,
// the call recovers by itself with a new peer, and the visit is still in progress. A reused link is refused.
import { expect, test } from '@playwright/test';
import { demoUser } from './support/demo-users';
import { signIn } from './support/sign-in';
import { expectAllSaved, findVisitWithAction, showVisit } from './support/workstation';
import { FAKE_MEDIA_ARGS, cutNetwork, instrumentPeers, socketCloses, expectFramesFlowing, framesDuring, restoreNetwork, visitStatusOnServer } from './support/video';

const clinician = demoUser('clinician');

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...FAKE_MEDIA_ARGS],
  },
});

test('a video visit connects, survives a network drop on the patient side, and stays in progress', async ({ page, browser, baseURL, request }) => {
  test.setTimeout(180_000);
  await signIn(page, clinician);
  await expectAllSaved(page);
  const visit = await findVisitWithAction(page, 'Start video visit');
  const row = await showVisit(page, visit);
  await row.getByRole('button', { name: 'Start video visit' }).click();

  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: `Video visit with ${visit.patientName}` })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Encounter note' }).getByLabel('Subjective')).toBeEditable();
  const linkField = main.getByLabel('Patient join link');
  await expect(linkField).toHaveValue(/\/join\/[A-Za-z0-9_-]{43}$/);
  const link = new URL(await linkField.inputValue());
  expect(link.origin).toBe(new URL(baseURL!).origin);
  await expect(main.getByRole('button', { name: 'Copy link' })).toBeVisible();
  await expect(main.getByRole('region', { name: 'Visit chat' })).toBeVisible();

  // The patient: a separate browser context, no account.
  const patientContext = await browser.newContext({ baseURL: baseURL! });
  const patient = await patientContext.newPage();
  await instrumentPeers(patient);
  await patient.goto(link.pathname);
  const patientMain = patient.getByRole('main');
  await expect(patientMain.getByRole('heading', { name: /^Your video visit with / })).toBeVisible();
  await expect(patientMain.getByLabel('Your camera preview')).toBeVisible();
  await expect(patientMain.getByRole('meter', { name: 'Microphone level' })).toBeVisible();
  await expect(patientMain.getByRole('combobox', { name: 'Camera' })).toBeEnabled();
  await expect(patientMain.getByRole('combobox', { name: 'Microphone' })).toBeEnabled();
  await patientMain.getByRole('button', { name: 'Join visit' }).click();
  await expect(patientMain.getByRole('status').filter({ hasText: 'Your clinician will be with you shortly.' })).toBeVisible();

  // A reload keeps the patient's visit session (the link itself is already used).
  await patient.reload();
  await patientMain.getByRole('button', { name: 'Join visit' }).click();
  await expect(patientMain.getByRole('status').filter({ hasText: 'Your clinician will be with you shortly.' })).toBeVisible();

  // The clinician joins: device check, then the call.
  await expect(main.getByLabel('Your camera preview')).toBeVisible();
  await expect(main.getByRole('meter', { name: 'Microphone level' })).toBeVisible();
  await main.getByRole('button', { name: 'Join call' }).click();
  await expectFramesFlowing(page, 'Patient video');
  await expectFramesFlowing(patient, 'Clinician video');
  await expect(main.getByRole('region', { name: 'Call quality' }).getByRole('status')).toHaveText(/^Call quality: (Good|Fair|Poor)$/, { timeout: 10_000 });
  for (const name of ['Mute', 'Turn camera off', 'Audio only', 'Leave call', 'End visit']) await expect(main.getByRole('button', { name })).toBeVisible();
  for (const name of ['Mute', 'Turn camera off', 'Audio only', 'Leave call']) await expect(patientMain.getByRole('button', { name })).toBeVisible();

  // Someone else opening the same link is refused with a clear page.
  const stranger = await browser.newContext({ baseURL: baseURL! });
  const strangerPage = await stranger.newPage();
  await strangerPage.goto(link.pathname);
  await expect(strangerPage.getByRole('heading', { name: 'This link cannot be used' })).toBeVisible();
  await expect(strangerPage.getByRole('alert')).toHaveText(/already been used/);
  await stranger.close();

  // Cut the patient's network, media path included: the media really stops, both sides say "Reconnecting…".
  const closesBefore = await socketCloses(patient);
  await cutNetwork(patientContext, patient);
  await expect.poll(async () => (await framesDuring(page, 'Patient video', 1_000)).frames, { timeout: 15_000, message: 'media should stop while the patient is cut off' }).toBeLessThan(2);
  await expect(main.getByRole('status').filter({ hasText: /^Reconnecting… \d+:\d\d$/ })).toBeVisible({ timeout: 15_000 });
  await expect(patientMain.getByRole('status').filter({ hasText: /^Reconnecting… \d+:\d\d$/ })).toBeVisible({ timeout: 15_000 });
  // The signaling WebSocket really went down with the network (so no new peer can be negotiated while offline).
  await expect.poll(() => socketCloses(patient), { timeout: 15_000 }).toBeGreaterThan(closesBefore);
  await page.waitForTimeout(3_000);
  expect((await framesDuring(page, 'Patient video', 1_000)).frames).toBeLessThan(2);

  await restoreNetwork(patientContext);
  await expectFramesFlowing(page, 'Patient video', 30_000);
  await expectFramesFlowing(patient, 'Clinician video', 30_000);
  await expect(main.getByRole('status').filter({ hasText: /^Reconnecting…/ })).toHaveCount(0);

  // The visit stayed in progress throughout.
  const visitId = await main.getByRole('region', { name: 'Visit chat' }).getAttribute('data-visit-id');
  expect(await visitStatusOnServer(request, baseURL!, visitId!)).toBe('in_progress');
  await expect(patientMain.getByRole('heading', { name: 'Your visit has ended' })).toHaveCount(0);

  // Only the clinician ends the visit; the patient's page says so.
  await main.getByRole('button', { name: 'End visit' }).click();
  await page.getByRole('alertdialog', { name: 'End this visit?' }).getByRole('button', { name: 'End visit' }).click();
  await expect(main.getByRole('status').filter({ hasText: 'The visit has ended.' })).toBeVisible();
  await expect(patientMain.getByRole('heading', { name: 'Your visit has ended' })).toBeVisible({ timeout: 10_000 });
  expect(await visitStatusOnServer(request, baseURL!, visitId!)).toBe('ended');

  await patientContext.close();
});
