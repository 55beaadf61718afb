// The Patients workspace on the device's cache: search by name, date of birth and phone, open a chart,
// and edit contact details (queued, shown as pending until the server has it).
import { expect, test } from '@playwright/test';
import { demoUser } from './support/demo-users';
import { goOffline, goOnline } from './support/network';
import { signIn, signOut } from './support/sign-in';
import { expectAllSaved } from './support/workstation';

test('search the cached patients, open a chart, and change a phone number', async ({ page, context }) => {
  await signIn(page, demoUser('clinician'));
  await expectAllSaved(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Patients' }).click();
  const main = page.getByRole('main');
  const search = main.getByRole('searchbox', { name: 'Search patients' });
  const table = main.getByRole('table', { name: 'Patients' });
  await expect(main.getByRole('status').filter({ hasText: /patients on this device/ })).toBeVisible();

  // Take the first listed patient and find them again by each kind of search.
  const first = table.getByRole('row').nth(1);
  const name = (await first.getByRole('rowheader').textContent())!.trim();
  const birthDate = (await first.locator('time').getAttribute('datetime'))!;
  const phone = (await first.getByRole('cell').nth(3).textContent())!.trim();

  await search.fill(name.split(' ').reverse().join(' ').toLowerCase());
  await expect(table.getByRole('rowheader', { name })).toBeVisible();
  await search.fill(birthDate);
  await expect(table.getByRole('rowheader', { name })).toBeVisible();
  if (phone !== '—') {
    await search.fill(phone.replace(/\D/g, '').slice(-7));
    await expect(table.getByRole('rowheader', { name })).toBeVisible();
  }
  await search.fill('zzzz-no-such-patient');
  await expect(table).toContainText('No patients match this search.');

  await search.fill(name);
  await table.getByRole('button', { name }).click();
  const chart = main.getByRole('article', { name });
  await expect(chart.getByRole('heading', { level: 2, name })).toBeFocused();
  for (const section of ['Allergies', 'Problems', 'Active medications', 'Upcoming appointments', 'Recent appointments', 'Edit contact details']) {
    await expect(chart.getByRole('heading', { level: 3, name: section })).toBeVisible();
  }
  await expect(chart).toContainText('Date of birth');

  // An invalid phone number is refused with a message tied to the field.
  const phoneField = chart.getByRole('textbox', { name: 'Phone' });
  await phoneField.fill('12');
  await chart.getByRole('button', { name: 'Save contact details' }).click();
  await expect(phoneField).toHaveAttribute('aria-invalid', 'true');

  // Offline, the change is kept and marked pending; online again, it reaches the server.
  const stamp = String(Date.now());
  const newPhone = `(555) 0${stamp.slice(-6, -4)}-${stamp.slice(-4)}`; // differs from any earlier run's
  await goOffline(context);
  await phoneField.fill(newPhone);
  await chart.getByRole('button', { name: 'Save contact details' }).click();
  await expect(chart.getByText('Saved on this device — pending sync')).toBeVisible();
  await expect(phoneField).toHaveValue(newPhone);
  await goOnline(context);
  await expect(chart.getByText('Saved to server')).toBeVisible({ timeout: 30_000 });
  await expectAllSaved(page, 30_000);

  await chart.getByRole('button', { name: 'Back to patients' }).click();
  await expect(table.getByRole('button', { name })).toBeFocused();
  await signOut(page);
});
