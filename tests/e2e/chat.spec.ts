// Chat between two staff users in two browser contexts against the real care server (demo seed): the
// unread count shows in the navigation and clears on reading, a message written offline is queued
// ("Sending…") and arrives after reconnecting, and the sender sees it delivered and read.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { goOffline, goOnline } from './support/network';
import { demoUser } from './support/demo-users';
import { signIn } from './support/sign-in';
import { expectAllSaved, waitForOfflineShell } from './support/workstation';

const inboxButton = (page: Page) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Inbox', exact: true });
/** The navigation's unread count ('' when there is none). */
const unreadText = (count: number): string | RegExp => (count === 0 ? /^$/ : `${count} unread`);
async function unreadCount(page: Page): Promise<number> {
  const description = await inboxButton(page).evaluate((el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent ?? '');
  return Number(/^(\d+) unread$/.exec(description)?.[1] ?? 0);
}
const ONE_PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const messages = (page: Page) => page.getByRole('main').getByRole('list', { name: 'Messages' });

test('two staff chat: unread counts, a message written offline arrives after reconnecting, delivered and read', async ({ page, context, browser }) => {
  const { displayName: clinicianName } = await signIn(page, demoUser('clinician'));
  await expectAllSaved(page);
  await waitForOfflineShell(page);

  const dispatcherContext = await browser.newContext();
  const dispatcherPage = await dispatcherContext.newPage();
  const { displayName: dispatcherName } = await signIn(dispatcherPage, demoUser('dispatcher'));
  await expectAllSaved(dispatcherPage);

  // The seeded message from the dispatcher is unread for the clinician.
  await expect(inboxButton(page)).toHaveAccessibleDescription('1 unread');
  await inboxButton(page).click();
  const conversations = page.getByRole('main').getByRole('list', { name: 'Conversations' });
  const withDispatcher = conversations.getByRole('button', { name: new RegExp(`^${dispatcherName}`) });
  await expect(withDispatcher).toContainText('1 unread');
  await withDispatcher.click();
  await expect(page.getByRole('main').getByRole('heading', { name: dispatcherName })).toBeFocused();
  await expect(messages(page)).toContainText('I will send the courier for the 2 pm pickup.');
  // Reading clears the counts, in the list and in the navigation.
  await expect(withDispatcher).not.toContainText('unread');
  await expect(inboxButton(page)).not.toHaveAccessibleDescription(/unread/);

  // Offline: the message is kept on this device and shown as waiting.
  await goOffline(context);
  await expect(page.getByRole('banner').getByRole('status', { name: 'Connection: offline' })).toBeVisible();
  const offlineText = 'Running ten minutes late, written while offline.';
  const box = page.getByRole('main').getByRole('textbox', { name: 'Message' });
  await box.fill(offlineText);
  await box.press('Enter');
  const mine = messages(page).getByRole('listitem').filter({ hasText: offlineText });
  await expect(mine).toContainText('Sending…');
  await expect(box).toHaveValue('');

  // The dispatcher has not got it yet; back online it is sent by itself and arrives (poke, then pull).
  await inboxButton(dispatcherPage).click();
  const dispatcherList = dispatcherPage.getByRole('main').getByRole('list', { name: 'Conversations' });
  const withClinician = dispatcherList.getByRole('button', { name: new RegExp(`^${clinicianName}`) });
  await expect(withClinician).toBeVisible();
  await expect(withClinician).not.toContainText('unread');
  // The dispatcher may have unread patient messages too (care conversations of home-visit patients).
  const before = await unreadCount(dispatcherPage);
  await goOnline(context);
  await expect(mine).toContainText(/Sent|Delivered|Read/);
  await expect(inboxButton(dispatcherPage)).toHaveAccessibleDescription(unreadText(before + 1), { timeout: 20_000 });
  await expect(withClinician).toContainText('1 unread');
  await expect(mine).toContainText('Delivered', { timeout: 20_000 });

  // The dispatcher reads it: the count clears there and the clinician sees "Read".
  await withClinician.click();
  await expect(messages(dispatcherPage)).toContainText(offlineText);
  await expect(inboxButton(dispatcherPage)).toHaveAccessibleDescription(unreadText(before));
  await expect(withClinician).not.toContainText('unread');
  await expect(mine).toContainText('Read', { timeout: 20_000 });

  // A reply comes back live while the clinician has the conversation open.
  const reply = 'No problem, I will let the patient know.';
  await dispatcherPage.getByRole('main').getByRole('textbox', { name: 'Message' }).fill(reply);
  await dispatcherPage.getByRole('main').getByRole('button', { name: 'Send' }).click();
  await expect(messages(page)).toContainText(reply, { timeout: 20_000 });
  await expect(messages(page).getByRole('listitem').filter({ hasText: reply })).toContainText(dispatcherName);
  await expect(inboxButton(page)).not.toHaveAccessibleDescription(/unread/);

  await dispatcherContext.close();
});

test('a clinician opens a patient\'s conversation from the chart and uses a quick reply', async ({ page }) => {
  await signIn(page, demoUser('clinician'));
  await expectAllSaved(page);
  await inboxButton(page).click();
  const conversations = page.getByRole('main').getByRole('list', { name: 'Conversations' });
  const care = conversations.getByRole('button', { name: /Patient and care team/ }).first();
  const patientName = (await care.locator('.hc-chat__conversation-title').innerText()).trim();
  await care.click();
  // The courier update is shown as a system message in plain language.
  await expect(messages(page).getByRole('listitem').filter({ hasText: 'Housecall update:' })).toContainText('Your prescription has been picked up by the courier.');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Patients', exact: true }).click();
  await page.getByRole('main').getByRole('searchbox', { name: 'Search patients' }).fill(patientName);
  await page.getByRole('main').getByRole('button', { name: patientName }).first().click();
  await page.getByRole('main').getByRole('button', { name: 'Message patient' }).click();
  await expect(page.getByRole('main').getByRole('heading', { name: patientName })).toBeVisible();
  await page.getByRole('group', { name: 'Quick replies' }).getByRole('button', { name: 'Ask for a photo' }).click();
  await expect(page.getByRole('main').getByRole('textbox', { name: 'Message' })).toHaveValue('Could you send a clear photo of the area in good light?');
  await page.getByRole('main').getByRole('button', { name: 'Send' }).click();
  const sent = messages(page).getByRole('listitem').filter({ hasText: 'Could you send a clear photo' });
  await expect(sent).toContainText(/Sent|Delivered|Read/);

  // Images: a GIF is refused with a clear message; a PNG is uploaded, sent and shown to members.
  const attach = page.getByRole('main').getByLabel('Attach an image');
  await attach.setInputFiles({ name: 'anim.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a\x01\x00\x01\x00', 'binary') });
  await expect(page.getByRole('main').getByRole('alert')).toContainText('Attach a PNG, JPEG or WebP image.');
  await attach.setInputFiles({ name: 'rash.png', mimeType: 'image/png', buffer: Buffer.from(ONE_PIXEL_PNG, 'base64') });
  await expect(messages(page).getByRole('img', { name: 'Image from You' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('chat-thread.png') });
});
