// Offline-first against the real care server: a clinician checks in a visit and writes a note while
// offline, reloads the page still offline and finds everything, then comes back online and the server has it.
import { expect, test } from '@playwright/test';
import { careApi } from './support/care-api';
import { goOffline, goOnline } from './support/network';
import { demoUser } from './support/demo-users';
import { signIn, signOut } from './support/sign-in';
import { expectAllSaved, findVisitWithAction, noteStatus, rowAt, showVisit, syncButton, waitForOfflineShell } from './support/workstation';

const clinician = demoUser('clinician');

test('work done offline survives a reload without network and reaches the server once back online', async ({ page, context, request, baseURL }) => {
  await signIn(page, clinician);
  await expectAllSaved(page);
  await waitForOfflineShell(page);

  const visit = await findVisitWithAction(page, 'Check in');
  const api = await careApi(request, baseURL!, clinician);
  const before = await api.appointmentAt(visit.startsAt, visit.patientName);
  expect(before.status).toBe('booked');

  // Offline: check in and type a note.
  await goOffline(context);
  const banner = page.getByRole('banner');
  await expect(banner.getByRole('status', { name: 'Connection: offline' })).toBeVisible();
  let row = rowAt(page, visit.startsAt); // the schedule still shows the visit's day
  await row.getByRole('button', { name: 'Check in' }).click();
  await expect(row.getByText('Checked in', { exact: true })).toBeVisible();
  await expect(row.getByText('Pending sync')).toBeVisible();
  await expect(syncButton(page)).toHaveAccessibleName(/^Sync: offline — 1 change waiting$/);

  await row.getByRole('button', { name: 'Open note' }).click();
  await expect(page.getByRole('heading', { name: `Note for ${visit.patientName}` })).toBeVisible();
  const subjective = 'Reports two days of sore throat, no fever.';
  const plan = 'Rest, fluids; call back if worse.';
  await page.getByLabel('Subjective').pressSequentially(subjective, { delay: 15 });
  await page.getByLabel('Plan').fill(plan);
  await expect(noteStatus(page)).toHaveText('Saved on this device');
  await expect(syncButton(page)).toHaveAccessibleName(/^Sync: offline — \d+ changes? waiting$/);
  await expect(syncButton(page)).not.toHaveAccessibleName(/saved to server/);

  // Reload with no network: the app shell comes from the service worker's cache, the data from this device.
  const reloaded = await page.reload();
  expect(reloaded?.fromServiceWorker()).toBe(true);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(banner.getByRole('status', { name: 'Connection: offline' })).toBeVisible();
  await expect(syncButton(page)).toHaveAccessibleName(/^Sync: offline — \d+ changes? waiting$/);
  // Every workspace is a lazily loaded chunk: those never opened before the reload open offline too.
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const [workspace, content] of [
    ['Patients', page.getByRole('main').getByRole('searchbox')],
    ['Inbox', page.getByRole('main').getByRole('navigation', { name: 'Conversation list' })],
    ['Managed settings', page.getByRole('main').getByRole('table')],
    ['Schedule', page.getByRole('main').getByRole('table', { name: /^Appointments, / })],
  ] as const) {
    await nav.getByRole('button', { name: workspace }).click();
    await expect(page.getByRole('heading', { level: 1, name: workspace })).toBeVisible();
    await expect(content.first()).toBeVisible();
  }
  row = await showVisit(page, visit);
  await expect(row.getByText('Checked in', { exact: true })).toBeVisible();
  await expect(row.getByText('Pending sync')).toBeVisible();
  await row.getByRole('button', { name: 'Open note' }).click();
  await expect(page.getByLabel('Subjective')).toHaveValue(subjective);
  await expect(page.getByLabel('Plan')).toHaveValue(plan);
  await expect(noteStatus(page)).toHaveText('Saved on this device');

  // Back online: everything is sent, and the status says so only then.
  await goOnline(context);
  await expectAllSaved(page, 30_000);
  await expect(noteStatus(page)).toHaveText('Saved to server');

  const after = await api.appointmentAt(visit.startsAt, visit.patientName);
  expect(after.status).toBe('checked_in');
  expect(after.version).toBe(before.version + 1);
  const notes = await api.notesFor(after.id);
  expect(notes).toHaveLength(1);
  expect(notes[0]!.sections).toEqual({ subjective, objective: '', assessment: '', plan });

  await page.getByRole('button', { name: 'Back to schedule' }).click();
  await signOut(page);
});

test('the sync panel tells the truth while offline and offers Sync now', async ({ page, context }) => {
  await signIn(page, clinician);
  await expectAllSaved(page);
  await goOffline(context);
  await expect(syncButton(page)).toHaveAccessibleName(/^Sync: offline — /);

  await syncButton(page).click();
  const panel = page.getByRole('dialog', { name: 'Sync status' });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('Offline');
  await expect(panel).toContainText('Last successful sync');
  await expect(panel.getByRole('button', { name: 'Sync now' })).toBeVisible();
  await expect(panel.getByRole('heading', { name: /Changes that need attention/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(syncButton(page)).toBeFocused();

  await goOnline(context);
  await expectAllSaved(page, 30_000);
  await signOut(page);
});
