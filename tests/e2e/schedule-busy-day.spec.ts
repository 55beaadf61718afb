// A day of many visits in the day view: the first 40 rows are drawn at once (leaving and opening the day stay
// quick), more are drawn as the end of the table comes near the screen, "Show all" draws every row; and the
// switch to the week view and back keeps the day's visits without reading them again.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import type { APIRequestContext } from '@playwright/test';
import { DEVICE_HEADER, LoginResponseSchema } from '../../shared/api/auth';
import { AppointmentListResponseSchema } from '../../shared/api/clinical';
import { localDate, localDayRange } from '../../shared/rules/time-zones';
import { demoPassword, demoUser } from './support/demo-users';
import { signIn } from './support/sign-in';
import { expectAllSaved, scheduleTable } from './support/workstation';

const ZONE = 'America/Los_Angeles';
const DAYS_AHEAD = 12;
const BOOKED = 60;

/** Books BOOKED five-minute clinic visits from midnight, DAYS_AHEAD days ahead, from another device. */
async function bookBusyNight(request: APIRequestContext, baseURL: string): Promise<string> {
  const headers = { [DEVICE_HEADER]: 'e2e-busy-day' };
  const login = await request.post(`${baseURL}/api/auth/login`, { headers, data: { email: demoUser('clinician').email, password: demoPassword } });
  const body = LoginResponseSchema.parse(await login.json());
  if (body.status !== 'signed_in') throw new Error('expected signed_in');
  const auth = { ...headers, authorization: `Bearer ${body.accessToken}` };
  // The clinician's own patients: those of their visits this week.
  const list = await request.get(`${baseURL}/api/appointments`, { headers: auth, params: { from: new Date().toISOString(), to: new Date(Date.now() + 7 * 86_400_000).toISOString() } });
  const patientIds = [...new Set(AppointmentListResponseSchema.parse(await list.json()).appointments.map((a) => a.patientId))];
  expect(patientIds.length).toBeGreaterThan(0);
  const day = localDate(new Date(Date.now() + DAYS_AHEAD * 86_400_000), ZONE);
  const midnight = localDayRange(day, ZONE).start.getTime();
  const mutations = Array.from({ length: BOOKED }, (_, i) => ({
    mutationId: randomUUID(), seq: i + 1, name: 'appointment.book',
    args: { appointmentId: randomUUID(), patientId: patientIds[i % patientIds.length]!, kind: 'clinic', startsAt: new Date(midnight + i * 5 * 60_000).toISOString(), endsAt: new Date(midnight + (i + 1) * 5 * 60_000).toISOString(), reason: `Night clinic ${i + 1}` },
  }));
  const push = await request.post(`${baseURL}/api/sync/push`, { headers: auth, data: { clientId: `busy-${randomUUID().slice(0, 8)}`, mutations } });
  const results = (await push.json()).results as Array<{ status: string }>;
  expect(results.filter((r) => r.status === 'applied')).toHaveLength(BOOKED);
  return day;
}

test('a busy day is drawn a page at a time, grows as it scrolls, and shows all on request', async ({ page, request, baseURL }) => {
  test.setTimeout(120_000);
  await bookBusyNight(request, baseURL!);
  await signIn(page, demoUser('clinician'));
  await expectAllSaved(page);
  const main = page.getByRole('main');
  for (let i = 0; i < DAYS_AHEAD; i++) await main.getByRole('button', { name: 'Next day' }).click();
  const rows = scheduleTable(page).getByRole('row');
  await expect(scheduleTable(page).getByRole('row').filter({ hasText: 'Night clinic 1' }).first()).toBeVisible();
  const drawn = main.getByRole('status').filter({ hasText: /^Showing the first 40 of \d+ visits; more appear as you scroll\.$/ });
  await expect(drawn).toBeVisible();
  const total = Number((await drawn.textContent())!.match(/of (\d+) visits/)![1]);
  expect(total).toBeGreaterThanOrEqual(BOOKED);
  await expect(rows).toHaveCount(1 + 40);

  // Keyboard: Tab from the last drawn row goes on into the next rows (they are drawn as focus nears the end).
  const rowOfFocus = () => page.evaluate(() => (document.activeElement?.closest('tbody > tr') as HTMLTableRowElement | null)?.sectionRowIndex ?? -1);
  await rows.nth(40).getByRole('button', { name: 'Open note' }).focus();
  await expect.poll(() => rows.count()).toBeGreaterThan(1 + 40);
  await page.keyboard.press('Tab');
  expect(await rowOfFocus()).toBe(40);

  // Week and back: the day's visits are there at once, drawn a page at a time again.
  await main.getByRole('group', { name: 'Schedule view' }).getByRole('button', { name: 'Week' }).click();
  await expect(main.getByRole('list', { name: /^Days of the week of / })).toBeVisible();
  await main.getByRole('group', { name: 'Schedule view' }).getByRole('button', { name: 'Day' }).click();
  await expect(rows).toHaveCount(1 + 40);
  // "Show all" draws every row and puts focus on the first newly drawn one (pressed where it is: scrolling to it
  // would draw the next page first).
  await main.getByRole('button', { name: `Show all ${total} visits` }).dispatchEvent('click');
  await expect(rows).toHaveCount(1 + total);
  await expect(drawn).toHaveCount(0);
  await expect.poll(rowOfFocus).toBe(40);

  // Scrolling: back on the day, the end of the table coming near the screen draws the next page.
  await main.getByRole('button', { name: 'Next day' }).click();
  await main.getByRole('button', { name: 'Previous day' }).click();
  await expect(rows).toHaveCount(1 + 40);
  await page.mouse.wheel(0, 100_000);
  await expect.poll(() => rows.count()).toBeGreaterThan(1 + 40);
});
