// Encounter notes in the workstation against the real care server: a draft typed and reloaded mid-typing is all
// there after the reload; a structured note (template, vitals, an ICD-10-CM diagnosis found by search) signed
// while offline shows "signed — waiting to sync", is locked, reaches the server signed once back online (checked
// through the API as a separate device), and then takes a signed addendum.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { careApi } from './support/care-api';
import { goOffline, goOnline } from './support/network';
import { demoUser } from './support/demo-users';
import { signIn } from './support/sign-in';
import type { VisitRef } from './support/workstation';
import { expectAllSaved, noteStatus, scheduleTable, showVisit, waitForOfflineShell } from './support/workstation';

const clinician = demoUser('clinician');

/** The nth visit, from three days ahead on, whose row offers "Open note": each test writes on a note of its own,
 * away from the visits of the next days that other specs use (a note signed here can no longer be edited, so a
 * spec that later types into the same visit's note would find it read-only). */
async function visitWithNote(page: Page, nth: number, maxDays = 7, firstDay = 3): Promise<VisitRef> {
  const main = page.getByRole('main');
  let seen = 0;
  for (let day = 0; day <= maxDays; day++) {
    if (day > 0) await main.getByRole('button', { name: 'Next day' }).click();
    await expect(main.getByRole('status').filter({ hasText: 'Loading the schedule' })).toHaveCount(0);
    if (day < firstDay) continue;
    const rows = scheduleTable(page).getByRole('row').filter({ has: page.getByRole('button', { name: 'Open note', exact: true }) });
    const count = await rows.count();
    if (seen + count > nth) {
      const row = rows.nth(nth - seen);
      const startsAt = await row.locator('time').first().getAttribute('datetime');
      const patientName = (await row.getByRole('rowheader').textContent())?.trim();
      if (!startsAt || !patientName) throw new Error('a schedule row without a time or a patient');
      return { startsAt, patientName, daysAhead: day };
    }
    seen += count;
  }
  throw new Error(`fewer than ${nth + 1} visits with a note in the next ${maxDays} days`);
}

async function openNoteOf(page: Page, visit: VisitRef): Promise<void> {
  const row = await showVisit(page, visit);
  await row.getByRole('button', { name: 'Open note' }).click();
  await expect(page.getByRole('heading', { name: `Note for ${visit.patientName}` })).toBeVisible();
  await expect(page.getByLabel('Subjective')).toBeEditable();
}

test('a note draft survives a page reload in the middle of typing', async ({ page }) => {
  await signIn(page, clinician);
  await expectAllSaved(page);
  const visit = await visitWithNote(page, 5);
  await openNoteOf(page, visit);
  await page.getByLabel('Subjective').fill(''); // start from an empty section whatever other specs wrote

  // Continuous typing (no pause the old debounce would have waited for), then a reload right after the last key,
  // without waiting for "Saved": the text is stored as typed, so at most the keystrokes of the save in flight
  // at the moment the page went away can be missing.
  const text = 'Cough for five days, worse at night, no fever, sleeping poorly, using honey and tea with little relief';
  await page.getByLabel('Subjective').pressSequentially(text, { delay: 15 });
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await openNoteOf(page, visit);
  const kept = await page.getByLabel('Subjective').inputValue();
  expect(text.startsWith(kept), 'what was kept is what was typed').toBe(true);
  expect(text.length - kept.length, 'characters lost to the reload').toBeLessThanOrEqual(3);
});

test('a structured note signed offline syncs as signed, then takes a signed addendum', async ({ page, context, request, baseURL }) => {
  await signIn(page, clinician);
  await expectAllSaved(page);
  await waitForOfflineShell(page);
  const visit = await visitWithNote(page, 6);
  await openNoteOf(page, visit);
  const api = await careApi(request, baseURL!, clinician);
  const appointment = await api.appointmentAt(visit.startsAt, visit.patientName);

  // Template for the visit type: fills the empty sections and suggests its diagnosis.
  await page.getByLabel('Visit template').selectOption({ label: 'Upper respiratory infection' });
  await page.getByRole('button', { name: 'Apply template' }).click();
  await expect(page.getByLabel('Assessment')).toHaveValue('Acute upper respiratory infection, likely viral.');
  const chosen = page.getByRole('list', { name: 'Chosen diagnoses' });
  await expect(chosen.getByText('J06.9')).toBeVisible();

  // Structured vitals, checked as typed.
  await page.getByLabel('Heart rate (beats/min)').fill('300');
  await expect(page.getByText('Heart rate must be at most 250 beats/min')).toBeVisible();
  await page.getByLabel('Heart rate (beats/min)').fill('88');
  await page.getByLabel('Blood pressure systolic (mmHg)').fill('124');
  await page.getByLabel('Blood pressure diastolic (mmHg)').fill('82');
  await page.getByLabel('SpO2 (%)').fill('97');

  // A second diagnosis found offline in the device's ICD-10-CM list by words.
  await goOffline(context);
  await page.getByLabel('Search diagnoses').fill('cough');
  await page.getByRole('button', { name: /^Add diagnosis R05 / }).click();
  await expect(chosen.getByText('R05')).toBeVisible();
  await expect(noteStatus(page)).toHaveText('Saved on this device');

  // Sign while offline: shown as signed and waiting, and locked.
  await page.getByRole('button', { name: 'Sign note' }).click();
  await expect(page.getByText('Signed — waiting to sync')).toBeVisible();
  await expect(page.getByLabel('Plan')).not.toBeEditable();
  await expect(page.getByRole('button', { name: 'Sign note' })).toHaveCount(0);
  let notes = await api.notesFor(appointment.id);
  expect(notes.every((n) => n.status === 'draft')).toBe(true);

  // Back online: the server checked the hash and holds the note as signed by this clinician.
  await goOnline(context);
  await expectAllSaved(page, 30_000);
  await expect(page.getByText('Signed — waiting to sync')).toHaveCount(0);
  await expect(page.getByText(/SHA-256 [0-9a-f]{16}/)).toBeVisible();
  notes = await api.notesFor(appointment.id);
  expect(notes).toHaveLength(1);
  expect(notes[0]).toMatchObject({ status: 'signed', contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  expect(notes[0]!.sections.diagnoses?.map((d) => d.code)).toEqual(['J06.9', 'R05']);
  expect(notes[0]!.sections.vitals).toMatchObject({ heartRate: '88', systolic: '124', diastolic: '82', spo2: '97' });

  // A signed addendum.
  const addendum = 'Called back: symptoms improving.';
  await page.getByLabel('New addendum').fill(addendum);
  await page.getByRole('button', { name: 'Sign and add addendum' }).click();
  await expect(page.getByRole('list', { name: 'Addenda' }).getByText(addendum)).toBeVisible();
  await expectAllSaved(page, 30_000);
  notes = await api.notesFor(appointment.id);
  expect(notes[0]!.addenda).toEqual([expect.objectContaining({ text: addendum, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) })]);

  // The patient's chart: the signed note, the visit among the encounters, and its vitals in the vitals history.
  await page.getByRole('button', { name: 'Back to schedule' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Patients' }).click();
  const main = page.getByRole('main');
  await main.getByRole('searchbox', { name: 'Search patients' }).fill(visit.patientName);
  await main.getByRole('table', { name: 'Patients' }).getByRole('button', { name: visit.patientName }).click();
  const chart = main.getByRole('article', { name: visit.patientName });
  const vitals = chart.getByRole('table', { name: 'Vitals history' });
  await expect(vitals.getByRole('row').filter({ hasText: 'Blood pressure' }).filter({ hasText: '124/82 mmHg' }).filter({ hasText: 'Signed note' })).toHaveCount(1);
  await expect(vitals.getByRole('row').filter({ hasText: 'Heart rate' }).filter({ hasText: '88 /min' })).toHaveCount(1);
  await expect(chart.getByRole('region', { name: 'Notes' }).getByText('J06.9, R05')).toBeVisible();
  await expect(chart.getByRole('region', { name: 'Recent encounters' })).toContainText('virtual'); // the video visit, recorded when signed
});
