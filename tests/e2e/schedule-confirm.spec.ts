// The day view's confirmation for cancelling a visit: no dialog exists until "Cancel" is pressed (the dialogs
// are mounted on first use), "Keep appointment" closes it and gives focus back to "Cancel", and confirming
// cancels the visit on this device and on the server.
import { expect, test } from '@playwright/test';
import { careApi } from './support/care-api';
import { demoUser } from './support/demo-users';
import { signIn } from './support/sign-in';
import { expectAllSaved, findVisitWithAction, rowAt } from './support/workstation';

const clinician = demoUser('clinician');

test('cancelling a visit asks first, can be kept, and once confirmed reaches the server', async ({ page, request, baseURL }) => {
  await signIn(page, clinician);
  await expectAllSaved(page);
  const visit = await findVisitWithAction(page, 'Cancel');
  const row = rowAt(page, visit.startsAt);
  // The visit that offers "Cancel" (the patient may have a finished visit at the same time, e.g. one booked by another spec).
  const api = await careApi(request, baseURL!, clinician);
  const cancellable = await api.appointmentAt(visit.startsAt, visit.patientName, (a) => a.status === 'booked' || a.status === 'checked_in');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.locator('main dialog')).toHaveCount(0); // nothing mounted for rows not asked yet

  const cancel = row.getByRole('button', { name: 'Cancel', exact: true });
  await cancel.click();
  const dialog = page.getByRole('alertdialog', { name: 'Cancel this appointment?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`The visit with ${visit.patientName}`);
  await expect(dialog.getByRole('button', { name: 'Keep appointment' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Keep appointment' }).click();
  await expect(dialog).toBeHidden();
  await expect(cancel).toBeFocused();

  await cancel.click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(cancel).toBeFocused();

  await cancel.click();
  await dialog.getByRole('button', { name: 'Cancel appointment' }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByText('Cancelled', { exact: true })).toBeVisible();
  await expectAllSaved(page);
  expect((await api.appointmentAt(visit.startsAt, visit.patientName, (a) => a.id === cancellable.id)).status).toBe('cancelled');
});
