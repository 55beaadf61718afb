// "See a clinician now" end to end: the clinician sends a patient the one-time link from the chart; the patient
// opens it in another browser context (no account), must confirm where they are, gives a reason and urgency and
// joins the queue; the clinician's queue shows the request with its wait; the patient's page shows their place in
// line; the clinician takes them and starts the video visit, and the same patient page becomes the visit's join page.
// A waiting patient can also leave the queue.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { DEVICE_HEADER, LoginResponseSchema } from '../../shared/api/auth';
import { AppointmentListResponseSchema } from '../../shared/api/clinical';
import { CreateQueueEntryLinkResponseSchema } from '../../shared/api/queue-entry';
import { demoPassword, demoUser } from './support/demo-users';
import { signIn } from './support/sign-in';
import { expectAllSaved, scheduleTable } from './support/workstation';
import { FAKE_MEDIA_ARGS } from './support/video';
import { expectNoAxeViolations } from './support/axe';

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...FAKE_MEDIA_ARGS],
  },
});

test('a patient sent a "See a clinician now" link joins the queue, is taken, and the page becomes the video visit', async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  await signIn(page, demoUser('clinician'));
  await expectAllSaved(page);
  const main = page.getByRole('main');

  // The clinician: a patient's chart, "Send a 'See a clinician now' link", the link to copy.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Patients' }).click();
  const table = main.getByRole('table', { name: 'Patients' });
  const first = table.getByRole('row').nth(1);
  const name = (await first.getByRole('rowheader').textContent())!.trim();
  await table.getByRole('button', { name }).click();
  const chart = main.getByRole('article', { name });
  await chart.getByRole('button', { name: 'Send a “See a clinician now” link' }).click();
  const linkField = chart.getByRole('textbox', { name: 'See a clinician now link' });
  await expect(linkField).toHaveValue(/\/now\/[A-Za-z0-9_-]{43}$/);
  await expect(chart.getByRole('button', { name: 'Copy link' })).toBeVisible();
  await expectNoAxeViolations(page, 'chart with a "See a clinician now" link');
  const link = new URL(await linkField.inputValue());
  expect(link.pathname).not.toContain(name.split(' ')[0]!);

  // The patient: a separate browser context, no account. The state is required.
  const patientContext = await browser.newContext({ baseURL: baseURL! });
  const patient = await patientContext.newPage();
  await patient.goto(link.pathname);
  const patientMain = patient.getByRole('main');
  await expect(patientMain.getByRole('heading', { level: 1, name: 'See a clinician now' })).toBeVisible();
  const reason = `Dizzy since breakfast ${randomUUID().slice(0, 6)}`;
  await patientMain.getByRole('textbox', { name: 'Why do you want to be seen?' }).fill(reason);
  await patientMain.getByRole('radio', { name: 'I need help soon' }).check();
  await patientMain.getByRole('button', { name: 'Join the queue' }).click();
  await expect(patientMain.getByRole('alert')).toHaveText('Choose the state you are in right now.');
  await expectNoAxeViolations(patient, '"See a clinician now" form (with an error)');
  await patientMain.getByRole('combobox', { name: 'State you are in right now' }).selectOption({ label: 'Washington' });
  await patientMain.getByRole('button', { name: 'Join the queue' }).click();
  await expect(patientMain.getByRole('heading', { level: 1, name: 'You are in the queue' })).toBeVisible();
  await expect(patientMain.getByRole('status')).toContainText(/You are (next|number \d+) in line\. Waiting less than a minute\./);
  await expectNoAxeViolations(patient, 'queue waiting room');

  // The link was one-time: another browser opening it is refused, and nothing is added.
  const other = await browser.newContext({ baseURL: baseURL! });
  const otherPage = await other.newPage();
  await otherPage.goto(link.pathname);
  await otherPage.getByRole('combobox', { name: 'State you are in right now' }).selectOption({ label: 'Washington' });
  await otherPage.getByRole('textbox', { name: 'Why do you want to be seen?' }).fill('Again');
  await otherPage.getByRole('button', { name: 'Join the queue' }).click();
  await expect(otherPage.getByRole('main').getByRole('alert')).toHaveText('This link has already been used. Ask your care team for a new link.');
  await other.close();

  // The clinician's queue gets the request by sync (poke + pull), with its wait; they take the patient.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Schedule' }).click();
  const queue = page.getByRole('complementary', { name: 'On-demand queue' }).getByRole('list', { name: 'Patients asking to be seen now' });
  const item = queue.getByRole('listitem').filter({ hasText: reason });
  await expect(item).toBeVisible({ timeout: 30_000 });
  await expect(item).toContainText('in WA');
  await expect(item).toContainText('Urgent');
  await expect(item).toContainText(/Waiting (less than a minute|\d+ min)/);
  await item.getByRole('button', { name: `Take ${name}` }).click();
  await expect(item.getByRole('button', { name: `Open visit with ${name}` })).toBeEnabled({ timeout: 30_000 });
  await expectAllSaved(page, 30_000);
  await expect(patientMain.getByRole('status')).toHaveText(/^Dr\. .+ is getting your video visit ready\. Keep this page open\.$/, { timeout: 15_000 });

  // The clinician starts the video visit from the day's schedule; the patient's page becomes its join page.
  const row = scheduleTable(page).getByRole('row').filter({ hasText: reason });
  await row.getByRole('button', { name: 'Start video visit' }).click();
  await expect(main.getByRole('heading', { name: `Video visit with ${name}` })).toBeVisible();
  await expect(patientMain.getByRole('heading', { level: 1, name: /^Your video visit with Dr\. / })).toBeVisible({ timeout: 15_000 });
  await expect(patientMain.getByRole('button', { name: 'Join visit' })).toBeVisible();
  // A reload keeps the visit (its session is kept in the tab; the link itself stays used).
  await patient.reload();
  await expect(patientMain.getByRole('heading', { level: 1, name: /^Your video visit with Dr\. / })).toBeVisible({ timeout: 15_000 });
  await patientContext.close();
});

test('a waiting patient can leave the queue', async ({ browser, request, baseURL }) => {
  const headers = { [DEVICE_HEADER]: 'e2e-queue-entry' };
  const login = LoginResponseSchema.parse(await (await request.post(`${baseURL}/api/auth/login`, { headers, data: { email: demoUser('clinician').email, password: demoPassword } })).json());
  if (login.status !== 'signed_in') throw new Error('expected signed_in');
  const auth = { ...headers, authorization: `Bearer ${login.accessToken}` };
  const list = await request.get(`${baseURL}/api/appointments`, { headers: auth, params: { from: new Date().toISOString(), to: new Date(Date.now() + 7 * 86_400_000).toISOString() } });
  const patientId = AppointmentListResponseSchema.parse(await list.json()).appointments[0]!.patientId;
  const issued = await request.post(`${baseURL}/api/queue-links`, { headers: auth, data: { patientId } });
  expect(issued.status()).toBe(201);
  const path = CreateQueueEntryLinkResponseSchema.parse(await issued.json()).link.path;

  const patientContext = await browser.newContext({ baseURL: baseURL! });
  const patient = await patientContext.newPage();
  await patient.goto(path);
  const patientMain = patient.getByRole('main');
  await patientMain.getByRole('combobox', { name: 'State you are in right now' }).selectOption({ label: 'New York' });
  await patientMain.getByRole('textbox', { name: 'Why do you want to be seen?' }).fill('Question about a refill');
  await patientMain.getByRole('button', { name: 'Join the queue' }).click();
  await expect(patientMain.getByRole('status')).toContainText(/in line\./);
  await expect(patientMain).toContainText('a clinician licensed in New York takes you');
  await patientMain.getByRole('button', { name: 'Leave the queue' }).click();
  await expect(patientMain.getByRole('heading', { level: 1, name: 'Your request is closed' })).toBeVisible();
  await expect(patientMain.getByRole('status')).toHaveText(/^You left the queue\. /);
  // A reload keeps saying so (the page's session reads the cancelled request).
  await patient.reload();
  await expect(patientMain.getByRole('heading', { level: 1, name: 'Your request is closed' })).toBeVisible();
  await patientContext.close();
});
