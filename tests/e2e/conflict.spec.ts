// Two devices, one clinician, one note: the device that was offline syncs second, sees the conflict with both
// versions in the Sync status panel, and keeps its own text as a new version. Discarding asks first.
import { expect, test } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { careApi } from './support/care-api';
import { goOffline, goOnline } from './support/network';
import { demoUser } from './support/demo-users';
import { signIn, signOut } from './support/sign-in';
import { expectAllSaved, findVisitWithAction, noteStatus, openNote, openSyncPanel, syncButton } from './support/workstation';

const clinician = demoUser('clinician');

async function secondDevice(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  return context.newPage();
}

test('the device that syncs second sees both versions and keeps its own as a new version', async ({ page: deviceA, browser, request, baseURL }) => {
  const deviceB = await secondDevice(browser, baseURL!);
  await signIn(deviceA, clinician);
  await signIn(deviceB, clinician);
  await expectAllSaved(deviceA);
  await expectAllSaved(deviceB);

  // A starts the note online.
  const visit = await findVisitWithAction(deviceA, 'Open note');
  await openNote(deviceA, visit);
  await deviceA.getByLabel('Subjective').fill('Device A: cough for a week.');
  await expect(noteStatus(deviceA)).toHaveText('Saved to server');

  // B opens the same note and receives A's text, then goes offline and edits it.
  await openNote(deviceB, visit);
  await expect(deviceB.getByLabel('Subjective')).toHaveValue('Device A: cough for a week.', { timeout: 30_000 });
  await goOffline(deviceB.context());
  await deviceB.getByLabel('Subjective').fill('Device B: cough for a week, worse at night.');
  await expect(noteStatus(deviceB)).toHaveText('Saved on this device');

  // Meanwhile A saves a newer version to the server.
  await deviceA.getByLabel('Plan').fill('Device A plan: chest X-ray.');
  await expect(noteStatus(deviceA)).toHaveText('Saved to server');

  // B comes back: its save was based on an older version, so it needs attention; nothing is merged silently.
  await goOnline(deviceB.context());
  await expect(syncButton(deviceB)).toHaveAccessibleName(/1 change needs attention/, { timeout: 30_000 });
  await expect(syncButton(deviceB)).not.toHaveAccessibleName(/saved to server/);
  const panel = await openSyncPanel(deviceB);
  const conflict = panel.getByRole('article', { name: `Visit note for ${visit.patientName}` });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText(/changed on another device/i);
  const mine = conflict.getByRole('region', { name: 'Your version' });
  const theirs = conflict.getByRole('region', { name: 'Server version' });
  await expect(mine).toContainText('Device B: cough for a week, worse at night.');
  await expect(theirs).toContainText('Device A: cough for a week.');
  await expect(theirs).toContainText('Device A plan: chest X-ray.');
  await expect(conflict.getByRole('button', { name: 'Retry' })).toBeVisible();

  // Discard asks first; Cancel keeps the change.
  await conflict.getByRole('button', { name: 'Discard mine' }).click();
  const confirm = deviceB.getByRole('alertdialog', { name: 'Discard your change?' });
  await expect(confirm).toContainText('It cannot be recovered.');
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(conflict).toBeVisible();

  await conflict.getByRole('button', { name: 'Keep mine as a new version' }).click();
  await expect(conflict).toBeHidden({ timeout: 30_000 });
  await expect(panel).toContainText('Nothing needs your attention.');
  await deviceB.keyboard.press('Escape');
  await expectAllSaved(deviceB, 30_000);
  await expect(deviceB.getByLabel('Subjective')).toHaveValue('Device B: cough for a week, worse at night.');

  // The server now holds B's text as the current version; A receives it.
  const api = await careApi(request, baseURL!, clinician);
  const appointment = await api.appointmentAt(visit.startsAt, visit.patientName);
  const notes = await api.notesFor(appointment.id);
  expect(notes).toHaveLength(1);
  expect(notes[0]!.sections.subjective).toBe('Device B: cough for a week, worse at night.');
  await expect(deviceA.getByLabel('Subjective')).toHaveValue('Device B: cough for a week, worse at night.', { timeout: 30_000 });

  await deviceA.getByRole('button', { name: 'Back to schedule' }).click();
  await deviceB.getByRole('button', { name: 'Back to schedule' }).click();
  await signOut(deviceA);
  await signOut(deviceB);
  await deviceB.context().close();
});
