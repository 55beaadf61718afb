// Video visit with chat, end to end: the clinician's workstation and the patient's join page in two browser
// contexts with fake camera and microphone. During the call they chat both ways (the patient's messages reach
// the clinician's device by poke + pull, the clinician's reach the join page by a poke on the patient's own
// socket), the patient sends a photo, and a message the clinician writes while offline is kept ("Sending…")
// and arrives on the join page after reconnecting, then shows as read. A patient without a camera is told
// "Video unavailable — continue in chat", the visit goes on in chat, and their page learns when it ends.
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { demoUser } from './support/demo-users';
import { goOffline, goOnline } from './support/network';
import { signIn } from './support/sign-in';
import { expectAllSaved, findVisitWithAction, showVisit, waitForOfflineShell } from './support/workstation';
import { FAKE_MEDIA_ARGS, expectFramesFlowing, visitStatusOnServer } from './support/video';

const ONE_PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...FAKE_MEDIA_ARGS],
  },
});

const visitChat = (page: Page): Locator => page.getByRole('main').getByRole('region', { name: 'Visit chat' });
const messageItem = (page: Page, text: string): Locator => visitChat(page).getByRole('list', { name: 'Messages' }).getByRole('listitem').filter({ hasText: text });
/** The patient's one-time link, once the visit has started and shows it. */
async function joinLink(page: Page): Promise<URL> {
  const field = page.getByRole('main').getByLabel('Patient join link');
  await expect(field).toHaveValue(/\/join\/[A-Za-z0-9_-]{43}$/, { timeout: 30_000 });
  return new URL(await field.inputValue());
}

async function write(page: Page, text: string): Promise<void> {
  const box = visitChat(page).getByRole('textbox', { name: 'Message' });
  await box.fill(text);
  await box.press('Enter');
  await expect(box).toHaveValue('');
}

test('clinician and patient chat both ways during a video visit, including a message written offline', async ({ page, context, browser, baseURL }) => {
  test.setTimeout(180_000);
  const { displayName: clinicianName } = await signIn(page, demoUser('clinician'));
  await expectAllSaved(page);
  await waitForOfflineShell(page);
  const visit = await findVisitWithAction(page, 'Start video visit');
  const row = await showVisit(page, visit);
  await row.getByRole('button', { name: 'Start video visit' }).click();
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: `Video visit with ${visit.patientName}` })).toBeVisible();
  // The patient's care conversation is beside the call, as in the Inbox.
  await expect(visitChat(page).getByRole('heading', { name: visit.patientName })).toBeVisible({ timeout: 30_000 });
  const link = await joinLink(page);

  const patientContext = await browser.newContext({ baseURL: baseURL! });
  const patient = await patientContext.newPage();
  await patient.goto(link.pathname);
  const patientMain = patient.getByRole('main');
  await expect(visitChat(patient).getByRole('heading', { name: `Chat with ${clinicianName}` })).toBeVisible();
  await patientMain.getByRole('button', { name: 'Join visit' }).click();
  await main.getByRole('button', { name: 'Join call' }).click();
  await expectFramesFlowing(page, 'Patient video');
  await expectFramesFlowing(patient, 'Clinician video');

  // Patient -> clinician.
  const fromPatient = 'I have had a rash on my arm since Tuesday.';
  await write(patient, fromPatient);
  await expect(messageItem(patient, fromPatient)).toContainText(/Sent|Read/);
  await expect(messageItem(page, fromPatient)).toContainText(`${visit.patientName.split(' ')[0]} (patient)`, { timeout: 20_000 });
  // The clinician has it open beside the call, so it is read; the patient sees that.
  await expect(messageItem(patient, fromPatient)).toContainText('Read', { timeout: 20_000 });

  // Clinician -> patient, live on the join page; delivered and read by the patient's page.
  const fromClinician = 'Thanks. Could you send a photo of it?';
  await write(page, fromClinician);
  await expect(messageItem(patient, fromClinician)).toContainText(clinicianName, { timeout: 20_000 });
  await expect(messageItem(page, fromClinician)).toContainText('Read', { timeout: 20_000 });

  // The patient sends a photo; both sides show it.
  await visitChat(patient).getByLabel('Attach an image').setInputFiles({ name: 'rash.png', mimeType: 'image/png', buffer: Buffer.from(ONE_PIXEL_PNG, 'base64') });
  await expect(visitChat(patient).getByRole('img', { name: 'Image from You' })).toBeVisible({ timeout: 20_000 });
  await expect(visitChat(page).getByRole('img', { name: `Image from ${visit.patientName.split(' ')[0]} (patient)` })).toBeVisible({ timeout: 20_000 });

  // The clinician's workstation goes offline: the message is kept on the device ("Sending…").
  await goOffline(context);
  await expect(page.getByRole('banner').getByRole('status', { name: 'Connection: offline' })).toBeVisible();
  const offlineText = 'Written while offline: please keep the area clean and dry.';
  await write(page, offlineText);
  await expect(messageItem(page, offlineText)).toContainText('Sending…');
  await patient.waitForTimeout(2_000);
  await expect(messageItem(patient, offlineText)).toHaveCount(0);

  // Back online: it is sent by itself and reaches the join page; the patient's page reads it.
  await goOnline(context);
  await expect(messageItem(patient, offlineText)).toBeVisible({ timeout: 30_000 });
  await expect(messageItem(page, offlineText)).toContainText('Read', { timeout: 30_000 });
  // The visit went on throughout: the patient's page never said it ended.
  await expect(patientMain.getByRole('heading', { name: 'Your visit has ended' })).toHaveCount(0);

  await patientContext.close();
});

test('a patient without a camera continues the visit in chat', async ({ page, browser, baseURL, request }) => {
  test.setTimeout(120_000);
  const { displayName: clinicianName } = await signIn(page, demoUser('clinician'));
  await expectAllSaved(page);
  const visit = await findVisitWithAction(page, 'Start video visit');
  const row = await showVisit(page, visit);
  await row.getByRole('button', { name: 'Start video visit' }).click();
  const main = page.getByRole('main');
  const link = await joinLink(page);
  const visitId = await visitChat(page).getAttribute('data-visit-id');

  // The patient's browser has no camera or microphone.
  const patientContext = await browser.newContext({ baseURL: baseURL! });
  const patient = await patientContext.newPage();
  await patient.addInitScript(() => {
    navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Requested device not found', 'NotFoundError'));
  });
  await patient.goto(link.pathname);
  const patientMain = patient.getByRole('main');
  await expect(patientMain.getByRole('alert').filter({ hasText: 'No camera or microphone was found.' })).toBeVisible();
  await expect(patientMain.getByRole('status').filter({ hasText: 'Video unavailable — continue in chat' })).toBeVisible();
  await expect(patientMain.getByRole('button', { name: 'Join visit' })).toBeDisabled();

  const fromPatient = 'My camera is not working, can we chat instead?';
  await write(patient, fromPatient);
  await expect(messageItem(page, fromPatient)).toBeVisible({ timeout: 20_000 });
  const reply = 'Of course. How is the rash today?';
  await write(page, reply);
  await expect(messageItem(patient, reply)).toContainText(clinicianName, { timeout: 20_000 });
  // The visit is still open.
  expect(await visitStatusOnServer(request, baseURL!, visitId!)).not.toBe('ended');
  await expect(patientMain.getByRole('heading', { name: 'Your visit has ended' })).toHaveCount(0);

  // The clinician ends it (without ever joining the call): the patient's page, in chat only, says so.
  await main.getByRole('button', { name: 'Join call' }).click();
  await main.getByRole('button', { name: 'End visit' }).click();
  await page.getByRole('alertdialog', { name: 'End this visit?' }).getByRole('button', { name: 'End visit' }).click();
  await expect(patientMain.getByRole('heading', { name: 'Your visit has ended' })).toBeVisible({ timeout: 15_000 });
  await patientContext.close();
});
