// A day of many visits in the day view: the first 40 rows are drawn at once (leaving and opening the day stay
// quick), more are drawn as the end of the table comes near the screen, "Show all" draws every row; and the
// switch to the week view and back keeps the day's visits without reading them again.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import type { APIRequestContext } from '@playwright/test';
import { DEVICE_HEADER, LoginResponseSchema } from '../../shared/api/auth';
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
  const patients = (await (await request.get(`${baseURL}/api/patients`, { headers: auth })).json()) as { patients: Array<{ id: string }> };
  const day = localDate(new Date(Date.now() + DAYS_AHEAD * 86_400_000), ZONE);
  const midnight = localDayRange(day, ZONE).start.getTime();
  const mutations = Array.from({ length: BOOKED }, (_, i) => ({
    mutationId: randomUUID(), seq: i + 1, name: 'appointment.book',
    args: { appointmentId: randomUUID(), patientId: patients.patients[i % patients.patients.length]!.id, kind: 'clinic', startsAt: new Date(midnight + i * 5 * 60_000).toISOString(), endsAt: new Date(midnight + (i + 1) * 5 * 60_000).toISOString(), reason: `Night clinic ${i + 1}` },
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

  // Scrolling to the end of the drawn rows draws the next page.
  await rows.last().scrollIntoViewIfNeeded();
  await expect.poll(() => rows.count()).toBeGreaterThan(1 + 40);

  // Week and back: the day's visits are there at once, drawn a page at a time again; "Show all" draws every row.
  await main.getByRole('group', { name: 'Schedule view' }).getByRole('button', { name: 'Week' }).click();
  await expect(main.getByRole('list', { name: /^Days of the week of / })).toBeVisible();
  await main.getByRole('group', { name: 'Schedule view' }).getByRole('button', { name: 'Day' }).click();
  await expect(rows).toHaveCount(1 + 40);
  await main.getByRole('button', { name: `Show all ${total} visits` }).click();
  await expect(rows).toHaveCount(1 + total);
  await expect(drawn).toHaveCount(0);
  // Every row is reachable by keyboard: the last row's "Open note" takes focus and opens its note.
  const lastOpen = rows.last().getByRole('button', { name: 'Open note' });
  await lastOpen.focus();
  await page.keyboard.press('Enter');
  await expect(main.getByRole('heading', { name: /^Note for / })).toBeVisible();
});
