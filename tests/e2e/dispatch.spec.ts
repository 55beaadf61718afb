// The dispatch board end to end: a coordinator assigns a request with the keyboard ("Assign to"); a second
// coordinator whose board was stale (offline) assigns the same request, is refused by the server's compare-and-set
// and sees who won; the assigned clinician finds the visit on their schedule and reports "On my way", which the
// first coordinator's board shows live.
import { expect, test } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../../server/seed/demo-accounts';
import { DEMO_LUNG_EXAM_REASON } from '../../server/seed/dispatch-day';
import { demoUser } from './support/demo-users';
import type { DemoUser } from './support/demo-users';
import { goOffline, goOnline } from './support/network';
import { signIn } from './support/sign-in';
import { expectAllSaved, scheduleTable, syncButton } from './support/workstation';

const dispatcher = demoUser('dispatcher');
const dispatcher2: DemoUser = { ...dispatcher, role: 'dispatcher2', email: DEMO_ACCOUNTS.dispatcher2 };
const clinician = demoUser('clinician');
const CLINICIAN_NAME = 'Dr. Maya Okafor';

async function newPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  return context.newPage();
}

const requestButton = (page: Page) => page.getByRole('region', { name: /Unassigned requests/ }).getByRole('button', { name: new RegExp(`^${DEMO_LUNG_EXAM_REASON} — `) });

async function assignToClinician(page: Page): Promise<void> {
  await requestButton(page).click();
  const panel = page.getByRole('region', { name: 'Assign the selected request' });
  await panel.getByLabel('Assign to').selectOption({ label: CLINICIAN_NAME });
  await panel.getByRole('button', { name: 'Assign', exact: true }).click();
}

test('two coordinators assign the same request: the second is refused with who won; the clinician sees the visit', async ({ page: boardA, browser, baseURL }) => {
  test.setTimeout(180_000);
  const boardB = await newPage(browser, baseURL!);
  await signIn(boardA, dispatcher);
  await signIn(boardB, dispatcher2);
  await expectAllSaved(boardA);
  await expectAllSaved(boardB);
  await expect(boardA.getByLabel('City')).toHaveValue('seattle');
  await expect(requestButton(boardA)).toBeVisible({ timeout: 30_000 });
  await expect(requestButton(boardB)).toBeVisible({ timeout: 30_000 });
  await expect(boardA.getByRole('img', { name: 'Map of Seattle' })).toBeVisible();
  const patientName = (await requestButton(boardA).innerText()).split(' — ')[1]!.trim();

  // B's board goes stale: it is offline while A assigns.
  await goOffline(boardB.context());

  // A suggests, then assigns with the keyboard path ("Assign to" + "Assign").
  await requestButton(boardA).click();
  await boardA.getByRole('button', { name: 'Suggest for this request' }).click();
  await expect(boardA.getByRole('list', { name: 'Suggested staff, least added travel first' }).getByRole('button', { name: `Assign to ${CLINICIAN_NAME}` })).toBeVisible();
  await requestButton(boardA).click(); // unselect, then the keyboard path
  await assignToClinician(boardA);
  await expect(boardA.getByRole('status').filter({ hasText: `${DEMO_LUNG_EXAM_REASON} assigned to ${CLINICIAN_NAME}.` })).toBeVisible();
  const routeA = boardA.getByRole('region', { name: `Route of ${CLINICIAN_NAME}` });
  await expect(routeA.getByRole('listitem').filter({ hasText: DEMO_LUNG_EXAM_REASON })).toBeVisible();
  await expect(requestButton(boardA)).toHaveCount(0);
  await expectAllSaved(boardA);

  // B, still showing the request unassigned, assigns it too: queued offline, refused by the server once online.
  await assignToClinician(boardB);
  await goOnline(boardB.context());
  const refused = boardB.getByRole('alert').filter({ hasText: 'Assignments refused by the server' });
  await expect(refused).toContainText(`Someone else got there first: this request was assigned to ${CLINICIAN_NAME} by Casey Thompson.`, { timeout: 30_000 });
  await expect(syncButton(boardB)).toHaveAccessibleName(/1 change needs attention/, { timeout: 30_000 });
  // B's board now shows the winner's assignment.
  await expect(boardB.getByRole('region', { name: `Route of ${CLINICIAN_NAME}` }).getByRole('listitem').filter({ hasText: DEMO_LUNG_EXAM_REASON })).toBeVisible({ timeout: 30_000 });

  // The clinician sees the visit on their schedule and reports "On my way"; A's board shows it live.
  const field = await newPage(browser, baseURL!);
  await signIn(field, clinician);
  await expectAllSaved(field);
  const row = scheduleTable(field).getByRole('row').filter({ hasText: patientName });
  await expect(row).toBeVisible({ timeout: 30_000 });
  await expect(row).toContainText(DEMO_LUNG_EXAM_REASON);
  await row.getByRole('group', { name: 'Field status' }).getByRole('button', { name: 'On my way' }).click();
  await expect(routeA.getByRole('listitem').filter({ hasText: DEMO_LUNG_EXAM_REASON })).toContainText('En route', { timeout: 30_000 });
  await expect(routeA).toContainText('Status: En route');
});

test('"Optimize the day" runs in a Web Worker and its proposal can be accepted in part', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  void baseURL;
  await signIn(page, dispatcher);
  await expectAllSaved(page);
  await page.getByLabel('City').selectOption({ label: 'Dallas' });
  const unassigned = page.getByRole('region', { name: /Unassigned requests/ });
  await expect(unassigned.getByRole('heading')).toHaveText(/Unassigned requests \((\d+)\)/, { timeout: 30_000 });
  const before = Number(/\((\d+)\)/.exec(await unassigned.getByRole('heading').innerText())![1]);
  expect(before).toBeGreaterThan(2);

  await page.getByRole('button', { name: 'Optimize the day' }).click();
  const proposed = page.getByRole('list', { name: 'Proposed assignments' });
  await expect(proposed).toBeVisible({ timeout: 30_000 });
  const boxes = proposed.getByRole('checkbox');
  const offered = await boxes.count();
  expect(offered).toBeGreaterThan(1);
  await boxes.first().uncheck(); // accept all but the first
  await page.getByRole('button', { name: `Accept selected (${offered - 1})` }).click();
  await expect(unassigned.getByRole('heading')).toHaveText(`Unassigned requests (${before - (offered - 1)})`, { timeout: 30_000 });
  await expectAllSaved(page);
});

test('a request dragged onto a route is checked by the rule: refused with the reason, or assigned', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, dispatcher);
  await expectAllSaved(page);
  await page.getByLabel('City').selectOption({ label: 'Washington DC' });
  const unassigned = page.getByRole('region', { name: /Unassigned requests/ });
  const delivery = unassigned.getByRole('listitem').filter({ hasText: 'Prescription delivery' }).first();
  await expect(delivery).toBeVisible({ timeout: 30_000 });
  const patient = (await delivery.getByRole('button').innerText()).split(' — ')[1]!.trim();

  // HTML5 drag and drop as the browser fires it (dragstart on the card, dragover and drop on the route).
  const dragOnto = async (target: typeof delivery) => {
    const dataTransfer = await page.evaluateHandle(() => new DataTransfer());
    await delivery.dispatchEvent('dragstart', { dataTransfer });
    await target.dispatchEvent('dragover', { dataTransfer });
    await target.dispatchEvent('drop', { dataTransfer });
  };
  // A delivery dropped on a nurse's route is refused with the reason; nothing is queued.
  const nurseRoute = page.getByRole('region', { name: /^Route of .*, RN$/ }).first();
  await dragOnto(nurseRoute);
  await expect(page.getByRole('alert').filter({ hasText: /^Cannot assign to .*, RN: .* is not a courier\./ })).toBeVisible();

  // Dropped on the courier's route, it is assigned.
  const courierRoute = page.getByRole('region', { name: 'Route of Ray Alvarez' });
  await dragOnto(courierRoute);
  await expect(courierRoute.getByRole('listitem').filter({ hasText: patient })).toBeVisible();
  await expectAllSaved(page);
});
