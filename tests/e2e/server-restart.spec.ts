// The care server goes down while a workstation has changes waiting — once cleanly, once by crashing after
// it applied a push but before the answer arrived. Nothing is lost and nothing is applied twice.
import { expect, test as base } from '@playwright/test';
import { PushResponseSchema } from '../../shared/sync/protocol';
import type { PushResponse } from '../../shared/sync/protocol';
import { careApi } from './support/care-api';
import { goOffline, goOnline } from './support/network';
import { CareServer } from './support/care-server';
import { demoUser } from './support/demo-users';
import { signIn, signOut } from './support/sign-in';
import { expectAllSaved, findVisitWithAction, noteStatus, openSyncPanel, rowAt, syncButton } from './support/workstation';

const test = base.extend<{ careServer: CareServer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  careServer: async ({}, use) => {
    const server = await CareServer.create();
    await server.start();
    await use(server);
    await server.dispose();
  },
  baseURL: async ({ careServer }, use) => {
    await use(careServer.baseURL);
  },
});

const clinician = demoUser('clinician');

test('a server crash after applying a push, before its answer, neither loses nor repeats the changes', async ({ page, context, request, careServer }) => {
  test.setTimeout(180_000);
  await signIn(page, clinician);
  await expectAllSaved(page);

  const visit = await findVisitWithAction(page, 'Check in');
  const api = await careApi(request, careServer.baseURL, clinician);
  const before = await api.appointmentAt(visit.startsAt, visit.patientName);

  // Changes made while the device cannot reach the server wait in the outbox.
  await goOffline(context);
  const row = rowAt(page, visit.startsAt);
  await row.getByRole('button', { name: 'Check in' }).click();
  await expect(row.getByText('Pending sync')).toBeVisible();
  await row.getByRole('button', { name: 'Open note' }).click();
  const firstText = 'Checked in from the car park; BP 128/82.';
  await page.getByLabel('Objective').fill(firstText);
  await expect(noteStatus(page)).toHaveText('Saved on this device');

  // The next push reaches the server and is applied, then the server dies before the device hears back.
  let crashed = false;
  await page.route('**/api/sync/push', async (route) => {
    if (crashed) return route.continue();
    crashed = true;
    const applied = await route.fetch();
    expect(applied.status()).toBe(200);
    await careServer.stop('SIGKILL');
    await route.abort('connectionreset');
  });
  await goOnline(context);
  await expect.poll(() => crashed, { timeout: 30_000 }).toBe(true);
  await expect(syncButton(page)).not.toHaveAccessibleName(/saved to server/);
  await expect(syncButton(page)).toHaveAccessibleName(/\d+ changes? waiting/, { timeout: 30_000 });

  // More typing while the server is down stays on the device.
  const moreText = `${firstText} Pulse 72.`;
  await page.getByLabel('Objective').fill(moreText);
  await expect(noteStatus(page)).toHaveText('Saved on this device');

  // The server comes back on the same data; the device sends again and the server recognises what it applied.
  const pushAnswers: PushResponse[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname === '/api/sync/push' && response.status() === 200) {
      void response.json().then((body) => pushAnswers.push(PushResponseSchema.parse(body)), () => undefined);
    }
  });
  await careServer.start();
  const panel = await openSyncPanel(page);
  await panel.getByRole('button', { name: 'Sync now' }).click();
  await page.keyboard.press('Escape');
  await expectAllSaved(page, 60_000);
  await expect(syncButton(page)).not.toHaveAccessibleName(/attention/);
  await expect(noteStatus(page)).toHaveText('Saved to server');
  const results = pushAnswers.flatMap((answer) => answer.results);
  expect(results.some((r) => r.status === 'applied' && r.duplicate), 'the resent changes were recognised as already applied').toBe(true);
  expect(results.filter((r) => r.status === 'rejected')).toEqual([]);

  const after = await api.appointmentAt(visit.startsAt, visit.patientName);
  expect(after.status).toBe('checked_in');
  expect(after.version, 'the status change was applied exactly once').toBe(before.version + 1);
  const notes = await api.notesFor(after.id);
  expect(notes, 'one note for the visit').toHaveLength(1);
  expect(notes[0]!.sections.objective).toBe(moreText);

  await page.getByRole('button', { name: 'Back to schedule' }).click();
  await signOut(page);
});

test('a clean server restart while changes wait: they are sent once it is back', async ({ page, request, careServer }) => {
  test.setTimeout(180_000);
  await signIn(page, clinician);
  await expectAllSaved(page);
  const visit = await findVisitWithAction(page, 'Open note');
  const api = await careApi(request, careServer.baseURL, clinician);

  await careServer.stop('SIGTERM');
  await page.getByRole('main').getByRole('row').filter({ has: page.locator(`time[datetime="${visit.startsAt}"]`) }).getByRole('button', { name: 'Open note' }).click();
  const text = 'Written while the care server was restarting.';
  await page.getByLabel('Assessment').fill(text);
  await expect(noteStatus(page)).toHaveText('Saved on this device');
  await expect(syncButton(page)).toHaveAccessibleName(/1 change waiting/, { timeout: 30_000 });

  await careServer.start();
  const panel = await openSyncPanel(page);
  await panel.getByRole('button', { name: 'Sync now' }).click();
  await page.keyboard.press('Escape');
  await expectAllSaved(page, 60_000);

  const appointment = await api.appointmentAt(visit.startsAt, visit.patientName);
  const notes = await api.notesFor(appointment.id);
  expect(notes).toHaveLength(1);
  expect(notes[0]!.sections.assessment).toBe(text);

  await page.getByRole('button', { name: 'Back to schedule' }).click();
  await signOut(page);
});
