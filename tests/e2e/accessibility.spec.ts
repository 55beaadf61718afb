// Accessibility of every screen, in Chromium against its own care server (demo clinic): axe-core finds no WCAG 2.2 AA
// violation (tags wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa) on sign-in, schedule (day, week), on-demand queue,
// patient chart, encounter note (vitals, diagnoses), prescribing, video pre-join, Inbox chat, dispatch board, deliveries
// (dispatcher, courier), managed settings, lock screen, FHIR import and the patient join page; and the main actions
// are done with the keyboard only (Tab, Enter, Space, arrow keys): sign in, open a visit's note from the schedule,
// take a queue item, send a chat message, assign on the dispatch board. The server is this file's own, so the
// changes made here (a queue item taken, an assignment) do not disturb the other specs' demo data.
import path from 'node:path';
import { expect, test as base } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { axeViolations, expectNoAxeViolations } from './support/axe';
import { CareServer } from './support/care-server';
import { demoPassword, demoUser } from './support/demo-users';
import { signIn } from './support/sign-in';
import { DEMO_LUNG_EXAM_REASON } from '../../server/seed/dispatch-day';
import { FAKE_MEDIA_ARGS } from './support/video';
import { expectAllSaved, findVisitWithAction, openNote, rowAt, showVisit } from './support/workstation';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- no test-scoped fixtures of our own
const test = base.extend<{}, { careServer: CareServer }>({
  careServer: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const server = await CareServer.create();
      await server.start();
      await use(server);
      await server.dispose();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ careServer }, use) => {
    await use(careServer.baseURL);
  },
});

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...FAKE_MEDIA_ARGS],
  },
});

const clinician = demoUser('clinician');
const SYNTHEA_BUNDLE = path.resolve(process.cwd(), '../shared/data/synthea/Kermit_Trantow_f1a650a5-737e-4fd7-828e-03c3348b9524.json');

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true });

const rowOpenNote = (page: Page, startsAt: string) =>
  rowAt(page, startsAt).getByRole('button', { name: 'Open note' });

/** Presses Tab until `target` has the focus (at most `max` times): proves it is reachable by keyboard. */
async function tabTo(page: Page, target: Locator, max = 150): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target, `Tab should reach ${target.toString()}`).toBeFocused();
}

test('the axe-core check finds violations where there are some', async ({ page }) => {
  await page.setContent('<html lang="en"><head><title>Broken</title></head><body><main><h1>Broken</h1><button></button><p style="color:#bbb;background:#fff">Faint text</p></main></body></html>');
  const found = await axeViolations(page);
  expect(found.map((line) => line.split(' ')[0])).toEqual(expect.arrayContaining(['button-name', 'color-contrast']));
});

test.describe('axe-core: no WCAG 2.2 AA violations', () => {
  test('sign-in and the two-step verification screen', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Sign in to Housecall' })).toBeVisible();
    await expectNoAxeViolations(page, 'sign-in');
    await page.getByLabel('Email').fill('nobody@demo.housecall.test');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expectNoAxeViolations(page, 'sign-in (with an error)');
    await page.getByLabel('Email').fill(demoUser('admin').email);
    await page.getByLabel('Password').fill(demoPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Two-step verification' })).toBeVisible();
    await expectNoAxeViolations(page, 'two-step verification');
  });

  test('clinician: schedule day and week, queue, note with vitals and diagnoses, prescribing, chart, Inbox, settings', async ({ page }) => {
    test.setTimeout(180_000);
    await signIn(page, clinician);
    await expectAllSaved(page);
    const main = page.getByRole('main');
    await expect(page.getByRole('complementary', { name: 'On-demand queue' }).getByRole('listitem').first()).toBeVisible();
    await expectNoAxeViolations(page, 'schedule (day) with the on-demand queue');
    await page.getByRole('banner').getByRole('button', { name: /^Sync:/ }).click();
    await expect(page.getByRole('dialog', { name: 'Sync status' })).toBeVisible();
    await expectNoAxeViolations(page, 'sync status panel');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Sync status' })).toHaveCount(0);

    await main.getByRole('group', { name: 'Schedule view' }).getByRole('button', { name: 'Week' }).click();
    await expect(main.getByRole('heading', { level: 2, name: /^This week, / })).toBeVisible();
    await expectNoAxeViolations(page, 'schedule (week)');
    await main.getByRole('group', { name: 'Schedule view' }).getByRole('button', { name: 'Day' }).click();

    await main.getByRole('button', { name: 'Book a visit' }).click();
    await expect(main.getByRole('region', { name: 'Book a visit' })).toBeVisible();
    await expectNoAxeViolations(page, 'booking form');
    await main.getByRole('region', { name: 'Book a visit' }).getByRole('button', { name: 'Cancel' }).click();

    const visit = await findVisitWithAction(page, 'Open note');
    await openNote(page, visit);
    await page.getByLabel('Subjective').fill('Sore throat for two days.');
    await page.getByLabel('Search diagnoses').fill('pharyngitis');
    await expect(page.getByRole('list', { name: 'Diagnosis search results' }).getByRole('button').first()).toBeVisible();
    await page.getByRole('list', { name: 'Diagnosis search results' }).getByRole('button').first().click();
    await expect(page.getByRole('list', { name: 'Chosen diagnoses' }).getByRole('listitem')).toHaveCount(1);
    await expectNoAxeViolations(page, 'encounter note (vitals, diagnoses)');

    const prescriptions = page.getByRole('region', { name: 'Prescriptions' });
    await prescriptions.getByRole('button', { name: 'New prescription' }).click();
    const form = page.getByRole('form', { name: 'New prescription' });
    await form.getByLabel('Search drugs').fill('mupirocin');
    await form.getByRole('button', { name: 'Mupirocin 20 MG/GM Topical Ointment' }).click();
    await expect(form.getByLabel('Dose')).toBeVisible();
    await expectNoAxeViolations(page, 'prescribing');
    await page.getByRole('button', { name: 'Back to schedule' }).click();

    await nav(page, 'Patients').click();
    await main.getByRole('searchbox', { name: 'Search patients' }).fill(visit.patientName);
    await main.getByRole('button', { name: visit.patientName }).first().click();
    await expect(main.getByRole('article', { name: visit.patientName })).toBeVisible();
    await expectNoAxeViolations(page, 'patient chart');

    await nav(page, 'Inbox').click();
    const conversations = main.getByRole('list', { name: 'Conversations' });
    await conversations.getByRole('button').first().click();
    await expect(main.getByRole('textbox', { name: 'Message' })).toBeVisible();
    await expectNoAxeViolations(page, 'Inbox (chat)');

    await nav(page, 'Managed settings').click();
    await expect(main.getByRole('table', { name: 'Managed settings' })).toBeVisible();
    await expectNoAxeViolations(page, 'managed settings');
  });

  test('video visit before joining, and the patient join page', async ({ page, browser, baseURL }) => {
    test.setTimeout(120_000);
    await signIn(page, clinician);
    await expectAllSaved(page);
    const visit = await findVisitWithAction(page, 'Start video visit');
    const row = await showVisit(page, visit);
    await row.getByRole('button', { name: 'Start video visit' }).click();
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { name: `Video visit with ${visit.patientName}` })).toBeVisible();
    await expect(main.getByRole('meter', { name: 'Microphone level' })).toBeVisible();
    await expect(main.getByLabel('Patient join link')).toHaveValue(/\/join\//);
    await expectNoAxeViolations(page, 'video visit (pre-join)');

    const link = new URL(await main.getByLabel('Patient join link').inputValue());
    const patientContext = await browser.newContext({ baseURL: baseURL! });
    const patient = await patientContext.newPage();
    await patient.goto(link.pathname);
    await expect(patient.getByRole('main').getByRole('heading', { name: /^Your video visit with / })).toBeVisible();
    await expect(patient.getByRole('main').getByRole('combobox', { name: 'Camera' })).toBeEnabled();
    await expectNoAxeViolations(patient, 'patient join page');
    await patientContext.close();
  });

  test('lock screen', async ({ page }) => {
    await page.clock.install();
    await signIn(page, clinician);
    await expectAllSaved(page);
    await page.clock.fastForward('16:00');
    await expect(page.getByRole('dialog', { name: 'Housecall is locked' })).toBeVisible();
    await expectNoAxeViolations(page, 'lock screen');
  });

  test('dispatcher: dispatch board and deliveries; courier: deliveries', async ({ page, browser, baseURL }) => {
    test.setTimeout(120_000);
    await signIn(page, demoUser('dispatcher'));
    await expectAllSaved(page);
    await expect(page.getByRole('img', { name: 'Map of Seattle' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('region', { name: /Unassigned requests/ }).getByRole('listitem').first()).toBeVisible({ timeout: 30_000 });
    await expectNoAxeViolations(page, 'dispatch board');
    await nav(page, 'Deliveries').click();
    await expect(page.getByRole('table', { name: "Deliveries to patients' homes" })).toBeVisible();
    await expectNoAxeViolations(page, 'deliveries (dispatcher)');

    const courierContext = await browser.newContext({ baseURL: baseURL! });
    const courier = await courierContext.newPage();
    await signIn(courier, demoUser('courier'));
    await expect(courier.getByRole('heading', { level: 1, name: 'Deliveries' })).toBeVisible();
    await expectNoAxeViolations(courier, 'deliveries (courier)');
    await courierContext.close();
  });

  test('admin: users, audit and FHIR import', async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, demoUser('admin'));
    await expectNoAxeViolations(page, 'users');
    await nav(page, 'Audit').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Audit' })).toBeVisible();
    // The audit table is wider than the page: its scrolling wrapper is a named region keyboard users can focus.
    await expect(page.getByRole('region', { name: /^.* \(scrolls sideways\)$/ })).toHaveAttribute('tabindex', '0');
    await expectNoAxeViolations(page, 'audit log');
    await nav(page, 'FHIR import').click();
    await expect(page.getByRole('heading', { name: 'Import a FHIR R4 Bundle' })).toBeVisible();
    await expectNoAxeViolations(page, 'FHIR import');
    await page.getByLabel('Bundle file (JSON)').setInputFiles(SYNTHEA_BUNDLE);
    await page.getByRole('button', { name: 'Import bundle' }).click();
    await expect(page.getByRole('table', { name: 'Resources by type' })).toBeVisible({ timeout: 60_000 });
    await expectNoAxeViolations(page, 'FHIR import (result)');
  });
});

test.describe('keyboard only', () => {
  test('sign in with Tab, typing and Enter', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Sign in to Housecall' })).toBeVisible();
    await tabTo(page, page.getByLabel('Email'));
    await page.keyboard.type(clinician.email);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Password')).toBeFocused();
    await page.keyboard.type(demoPassword);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  });

  test('open a visit\'s note from the schedule and go back; take a queue item and open its visit', async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, clinician);
    await expectAllSaved(page);
    const visit = await findVisitWithAction(page, 'Open note');
    const row = await showVisit(page, visit);
    const openNoteButton = row.getByRole('button', { name: 'Open note' });
    await tabTo(page, openNoteButton, 300);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: `Note for ${visit.patientName}` })).toBeVisible();
    await tabTo(page, page.getByLabel('Subjective'));
    await page.keyboard.press('ControlOrMeta+A'); // another test of this file may have written in this visit's note
    await page.keyboard.type('Typed with the keyboard only.');
    await expect(page.getByLabel('Subjective')).toHaveValue('Typed with the keyboard only.');
    await tabTo(page, page.getByRole('button', { name: 'Back to schedule' }), 300);
    await page.keyboard.press('Enter');
    await expect(rowOpenNote(page, visit.startsAt)).toBeFocused();

    const queue = page.getByRole('complementary', { name: 'On-demand queue' }).getByRole('list', { name: 'Patients asking to be seen now' });
    const item = queue.getByRole('listitem').first();
    const name = await item.getAttribute('aria-label');
    if (!name) throw new Error('a queue item without a name');
    await tabTo(page, queue.getByRole('button', { name: `Take ${name}` }), 300);
    await page.keyboard.press('Space');
    const open = queue.getByRole('button', { name: `Open visit with ${name}` });
    await expect(open).toBeEnabled({ timeout: 30_000 });
    await tabTo(page, open, 300);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: `Note for ${name}` })).toBeVisible({ timeout: 30_000 });
  });

  test('send a chat message', async ({ page }) => {
    await signIn(page, clinician);
    await expectAllSaved(page);
    await tabTo(page, nav(page, 'Inbox'));
    await page.keyboard.press('Enter');
    const main = page.getByRole('main');
    const first = main.getByRole('list', { name: 'Conversations' }).getByRole('button').first();
    await tabTo(page, first, 300);
    await page.keyboard.press('Enter');
    const box = main.getByRole('textbox', { name: 'Message' });
    await tabTo(page, box, 300);
    const text = `Sent by keyboard ${Date.now()}`;
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    await expect(main.getByRole('list', { name: 'Messages' }).getByRole('listitem').filter({ hasText: text })).toBeVisible();
    await expect(box).toHaveValue('');
  });

  test('assign a request on the dispatch board', async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, demoUser('dispatcher'));
    await expectAllSaved(page);
    const request = page.getByRole('region', { name: /Unassigned requests/ }).getByRole('button', { name: new RegExp(`^${DEMO_LUNG_EXAM_REASON} — `) });
    await expect(request).toBeVisible({ timeout: 30_000 });
    await tabTo(page, request, 300);
    await page.keyboard.press('Space');
    await expect(request).toHaveAttribute('aria-pressed', 'true');
    const panel = page.getByRole('region', { name: 'Assign the selected request' });
    const assignee = panel.getByLabel('Assign to');
    await tabTo(page, assignee, 300);
    for (let i = 0; i < 40; i++) {
      const chosen = await assignee.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
      if (chosen === 'Dr. Maya Okafor') break;
      await page.keyboard.press('ArrowDown');
    }
    await expect(assignee.locator('option:checked')).toHaveText('Dr. Maya Okafor');
    await tabTo(page, panel.getByRole('button', { name: 'Assign', exact: true }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: `${DEMO_LUNG_EXAM_REASON} assigned to Dr. Maya Okafor.` })).toBeVisible();
  });
});
