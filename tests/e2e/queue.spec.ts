// The clinician's schedule and on-demand queue in the browser: only requests in the clinician's licensed states,
// taking one (the visit opens), a second clinician trying the same patient is refused and told who took it;
// the week view by keyboard; the waiting room counting a check-in made on another device, with a PHI-free alert.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import type { APIRequestContext, Page } from '@playwright/test';
import { DEVICE_HEADER, LoginResponseSchema } from '../../shared/api/auth';
import { AppointmentListResponseSchema } from '../../shared/api/clinical';
import { localDayRange, localDate, localTime } from '../../shared/rules/time-zones';
import type { DemoUser } from './support/demo-users';
import { demoPassword, demoUser } from './support/demo-users';
import { goOffline, goOnline } from './support/network';
import { signIn } from './support/sign-in';
import { expectAllSaved, syncButton } from './support/workstation';

/** A second demo physician, based in Seattle (licensed in Washington like the demo clinician). */
const WHITFIELD: DemoUser = { ...demoUser('clinician'), email: 'daniel.whitfield@demo.housecall.test' };

const queueOf = (page: Page) => page.getByRole('complementary', { name: 'On-demand queue' }).getByRole('list', { name: 'Patients asking to be seen now' });

test('a clinician sees only requests in their licensed states, takes one; a second clinician is refused', async ({ page, browser }) => {
  await signIn(page, demoUser('clinician'));
  await expectAllSaved(page);
  const queue = queueOf(page);
  // Seeded: WA, NY, TX, CA (licensed) and OH, MI, NV (not).
  await expect(queue.getByRole('listitem')).toHaveCount(4);
  await expect(queue).not.toContainText(/in (OH|MI|NV)\b/);
  // Most urgent first (the emergent CA request), and each shows how long it has waited.
  await expect(queue.getByRole('listitem').first()).toContainText('Emergent');
  await expect(queue.getByRole('listitem').first()).toContainText(/Waiting (\d+ min|less than a minute)/);
  const item = queue.getByRole('listitem').filter({ hasText: 'Sore throat' });
  const name = (await item.getAttribute('aria-label'))!;

  // A second clinician, on another device, sees the same request; they lose the network for a moment.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, WHITFIELD);
  await expectAllSaved(otherPage);
  const otherQueue = queueOf(otherPage);
  await expect(otherQueue.getByRole('button', { name: `Take ${name}` })).toBeVisible();
  await goOffline(other);

  // The first clinician takes the patient; the visit opens from the queue.
  await queue.getByRole('button', { name: `Take ${name}` }).click();
  const open = queue.getByRole('button', { name: `Open visit with ${name}` });
  await expect(open).toBeEnabled({ timeout: 30_000 });
  await expectAllSaved(page, 30_000);
  await open.click();
  await expect(page.getByRole('heading', { name: `Note for ${name}` })).toBeVisible({ timeout: 30_000 });

  // The second clinician tries too (queued offline); back online, the server refuses and says who took them.
  await otherQueue.getByRole('button', { name: `Take ${name}` }).click();
  // Queued on the device before the network returns (otherwise a pull racing the click would already show
  // the request gone, which the panel reports without naming who took it).
  await expect(syncButton(otherPage)).toHaveAccessibleName(/1 change waiting/, { timeout: 30_000 });
  await goOnline(other);
  await expect(otherPage.getByRole('complementary', { name: 'On-demand queue' }).getByRole('alert')).toContainText('This patient was already taken by Dr. Maya Okafor.', { timeout: 30_000 });
  await expect(otherQueue.getByRole('button', { name: `Take ${name}` })).toHaveCount(0);
  await other.close();
});

test('the week view moves by buttons and keys, and a visit opens the chart', async ({ page }) => {
  await signIn(page, demoUser('clinician'));
  await expectAllSaved(page);
  const main = page.getByRole('main');
  await main.getByRole('group', { name: 'Schedule view' }).getByRole('button', { name: 'Week' }).click();
  await expect(main.getByRole('heading', { level: 2, name: /^This week, / })).toBeVisible();
  const days = main.getByRole('list', { name: /^Days of the week of / });
  await expect(days.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) })).toHaveCount(7);

  // Tab reaches the visits; Right and Left arrows move between days.
  const visits = days.getByRole('button', { name: /patient's time .*Open chart$/ });
  await expect(visits.first()).toBeVisible();
  await visits.first().focus();
  const dayOf = () => page.evaluate(() => document.activeElement?.closest('[data-week-day]')?.getAttribute('data-week-day'));
  const startDay = Number(await dayOf());
  await page.keyboard.press(startDay < 6 ? 'ArrowRight' : 'ArrowLeft');
  expect(Number(await dayOf())).toBe(startDay < 6 ? startDay + 1 : startDay - 1);

  // Page Down: the next week, focus on its first day; the buttons go back.
  await page.keyboard.press('PageDown');
  await expect(main.getByRole('heading', { level: 2, name: /^Week of / })).toBeVisible();
  // Focus lands on the first day once that week's visits are read from the cache.
  await expect.poll(dayOf).toBe('0');
  await page.keyboard.press('PageUp');
  await expect(main.getByRole('heading', { level: 2, name: /^This week, / })).toBeVisible();
  await main.getByRole('button', { name: 'Next week' }).click();
  await expect(main.getByRole('heading', { level: 2, name: /^Week of / })).toBeVisible();
  await main.getByRole('button', { name: 'This week' }).click();
  await expect(main.getByRole('heading', { level: 2, name: /^This week, / })).toBeVisible();

  // A visit opens the patient's chart.
  const visit = visits.first();
  const label = (await visit.getAttribute('aria-label'))!;
  const patientName = label.replace(/^\S+ /, '').split(',')[0]!;
  await visit.click();
  await expect(main.getByRole('article', { name: patientName })).toBeVisible();
});

async function checkInFromAnotherDevice(request: APIRequestContext, baseURL: string, timeZone: string): Promise<void> {
  const headers = { [DEVICE_HEADER]: 'e2e-front-desk' };
  const login = await request.post(`${baseURL}/api/auth/login`, { headers, data: { email: demoUser('clinician').email, password: demoPassword } });
  const body = LoginResponseSchema.parse(await login.json());
  if (body.status !== 'signed_in') throw new Error('expected signed_in');
  const auth = { ...headers, authorization: `Bearer ${body.accessToken}` };
  const { start, end } = localDayRange(localDate(new Date(), timeZone), timeZone);
  const list = await request.get(`${baseURL}/api/appointments`, { headers: auth, params: { from: start.toISOString(), to: end.toISOString() } });
  const { appointments } = AppointmentListResponseSchema.parse(await list.json());
  // The demo schedule may hold no booked visit left today (it depends on the hour the suite runs): book one in a
  // free quarter hour of today first (a clinic visit: no licensure question), then check it in.
  const busy = appointments.filter((a) => !['completed', 'no_show', 'cancelled'].includes(a.status)).map((a) => [Date.parse(a.startsAt), Date.parse(a.endsAt)] as const);
  const QUARTER = 15 * 60_000;
  let slot = start.getTime();
  while (slot + QUARTER <= end.getTime() && busy.some(([from, to]) => slot < to && from < slot + QUARTER)) slot += QUARTER;
  if (slot + QUARTER > end.getTime()) throw new Error('no free quarter hour today');
  // A patient with no visit today, so no other visit shares this one's start (other specs find visits by time and patient).
  const patientId = await firstPatientId(request, baseURL, auth, new Set(appointments.map((a) => a.patientId)));
  const appointmentId = randomUUID();
  const clientId = `front-desk-${randomUUID().slice(0, 8)}`;
  const push = await request.post(`${baseURL}/api/sync/push`, {
    headers: auth,
    data: {
      clientId,
      mutations: [
        { mutationId: randomUUID(), seq: 1, name: 'appointment.book', args: { appointmentId, patientId, kind: 'clinic', startsAt: new Date(slot).toISOString(), endsAt: new Date(slot + QUARTER).toISOString(), reason: 'Follow-up' } },
        { mutationId: randomUUID(), seq: 2, name: 'appointment.setStatus', args: { appointmentId, status: 'checked_in' } },
      ],
    },
  });
  const results = (await push.json()).results as Array<{ status: string }>;
  expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
}

async function firstPatientId(request: APIRequestContext, baseURL: string, auth: Record<string, string>, except: ReadonlySet<string>): Promise<string> {
  // The clinician's patients from the coming week's visits.
  const from = new Date();
  const to = new Date(from.getTime() + 7 * 86_400_000);
  const res = await request.get(`${baseURL}/api/appointments`, { headers: auth, params: { from: from.toISOString(), to: to.toISOString() } });
  const { appointments } = AppointmentListResponseSchema.parse(await res.json());
  const patient = appointments.find((a) => !except.has(a.patientId));
  if (!patient) throw new Error('the demo clinician has no patient without a visit today');
  return patient.patientId;
}

test('the waiting room counts a check-in made elsewhere and raises a notification without patient data', async ({ page, context, request, baseURL }) => {
  await context.grantPermissions(['notifications']);
  await page.addInitScript(() => {
    const shown: Array<{ title: string; body: string }> = [];
    (window as unknown as { shownNotifications: typeof shown }).shownNotifications = shown;
    class RecordingNotification {
      static permission = 'granted';
      static requestPermission = async () => 'granted';
      constructor(title: string, options?: { body?: string }) {
        shown.push({ title, body: options?.body ?? '' });
      }
    }
    (window as unknown as { Notification: unknown }).Notification = RecordingNotification;
  });
  await signIn(page, demoUser('clinician'));
  await expectAllSaved(page);
  const waiting = page.getByRole('banner').getByRole('status', { name: 'Waiting room' });
  await expect(waiting).toHaveText(/^Waiting room: /);
  const before = Number((await waiting.textContent())!.match(/(\d+) checked in/)?.[1] ?? 0);

  await checkInFromAnotherDevice(request, baseURL!, 'America/Los_Angeles');
  await expect(waiting).toHaveText(`Waiting room: ${before + 1} checked in`, { timeout: 30_000 });
  await expect.poll(() => page.evaluate(() => (window as unknown as { shownNotifications: unknown[] }).shownNotifications)).toEqual([
    { title: 'Patient checked in', body: 'A patient has checked in.' },
  ]);
});

test('booking refuses impossible times and a double-booking, then books a free slot', async ({ page }) => {
  await signIn(page, demoUser('clinician'));
  await expectAllSaved(page);
  const main = page.getByRole('main');
  // A visit that still holds its time (booked: it offers "Check in"); finished visits free their slot.
  // (Not one in the day's last hour: the ten-minute overlap tried below must not run past midnight.)
  const bookedRows = main.getByRole('table', { name: /^Appointments, / }).getByRole('row').filter({ has: page.getByRole('button', { name: 'Check in', exact: true }) });
  const bookedStarts = await bookedRows.evaluateAll((rows) => rows.map((r) => r.querySelector('time')?.getAttribute('datetime') ?? null));
  const busyAt = bookedStarts.find((iso): iso is string => iso !== null && localTime(new Date(iso), 'America/Los_Angeles') < '23:00') ?? null;

  await main.getByRole('button', { name: 'Book a visit' }).click();
  const form = main.getByRole('region', { name: 'Book a visit' });
  const patient = form.getByRole('combobox', { name: 'Patient' });
  await expect(patient.locator('option')).not.toHaveCount(1);
  await patient.selectOption({ index: 1 });
  await form.getByRole('textbox', { name: 'Reason' }).fill('E2E follow-up');
  await form.getByLabel('Starts at').fill('10:30');
  await form.getByLabel('Ends at').fill('10:00');
  await form.getByRole('button', { name: 'Book visit' }).click();
  await expect(form.getByRole('alert')).toHaveText('The visit ends before it starts.');

  if (busyAt) {
    const zone = 'America/Los_Angeles';
    const start = new Date(busyAt);
    await form.getByLabel('Date').fill(localDate(start, zone));
    await form.getByLabel('Starts at').fill(localTime(start, zone));
    await form.getByLabel('Ends at').fill(localTime(new Date(start.getTime() + 10 * 60_000), zone));
    await form.getByRole('button', { name: 'Book visit' }).click();
    await expect(form.getByRole('alert')).toHaveText('You already have a visit at that time; choose another time.');
  }

  // A free slot three weeks ahead, at dawn: booked, and shown on that day.
  const day = localDate(new Date(Date.now() + 21 * 86_400_000), 'America/Los_Angeles');
  await form.getByLabel('Date').fill(day);
  await form.getByLabel('Starts at').fill('05:00');
  await form.getByLabel('Ends at').fill('05:20');
  await form.getByRole('button', { name: 'Book visit' }).click();
  await expect(main.getByRole('table', { name: /^Appointments, / }).getByRole('cell', { name: 'E2E follow-up' })).toBeVisible();
  await expectAllSaved(page, 30_000);
});
