// Sign-in and the app frame against the real care server: every demo role, wrong password, the admin's
// second factor, the audit log, staying signed in across a reload, and the connectivity indicator.
import { expect, test } from '@playwright/test';
import { DEMO_USERS, demoPassword, demoUser } from './support/demo-users';
import { openSignIn, signIn, signOut } from './support/sign-in';
import { wrongAdminTotpCode } from './support/totp';

for (const user of DEMO_USERS) {
  test(`${user.role} signs in, sees only the ${user.role} workspaces, and signs out`, async ({ page }) => {
    const { displayName } = await signIn(page, user);

    const banner = page.getByRole('banner');
    await expect(banner).toContainText(displayName);
    await expect(banner).toContainText(user.roleLabel);
    await expect(banner.getByRole('status', { name: 'Connection: online' })).toBeVisible();

    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('button')).toHaveText([...user.nav]);
    await expect(nav.getByRole('link')).toHaveCount(0);

    const main = page.getByRole('main');
    for (const [index, item] of user.nav.entries()) {
      const button = nav.getByRole('button', { name: item, exact: true });
      if (index > 0) await button.click();
      await expect(button).toHaveAttribute('aria-current', 'page');
      await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
      await expect(main.getByRole('heading', { level: 1 })).toHaveText(item);
    }

    await signOut(page);
  });
}

test('a clinician lands on today\'s schedule and can search patients; other workspaces still show empty states', async ({ page }) => {
  await signIn(page, demoUser('clinician'));
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 2, name: /^Today, / })).toBeVisible();
  await expect(main.getByRole('button', { name: 'Previous day' })).toBeVisible();
  await expect(main.getByRole('button', { name: 'Next day' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Patients' }).click();
  await expect(main.getByRole('searchbox', { name: 'Search patients' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Inbox' }).click();
  await expect(main.getByRole('list', { name: 'Conversations' })).toBeVisible();
  await expect(main).not.toContainText(/coming/i);
  await signOut(page);
});

test('a wrong password shows an alert and stays signed out', async ({ page }) => {
  await openSignIn(page);
  await page.getByLabel('Email').fill(demoUser('dispatcher').email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('alert')).toHaveText('Email or password is incorrect.');
  await expect(page.getByRole('heading', { name: 'Sign in to Housecall' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expect(page.getByLabel('Password')).toHaveValue('');
  await expect(page.getByLabel('Email')).toHaveValue(demoUser('dispatcher').email);
});

test('a wrong authentication code shows an alert, and Back returns to the password step', async ({ page }) => {
  const admin = demoUser('admin');
  await openSignIn(page);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Two-step verification' })).toBeVisible();

  const code = page.getByLabel('Authentication code');
  await expect(code).toHaveAttribute('inputmode', 'numeric');
  await expect(code).toHaveAttribute('autocomplete', 'one-time-code');

  // A well-formed code the server must refuse: not the code of any step inside its drift window.
  await code.fill(wrongAdminTotpCode());
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Two-step verification' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);

  await code.fill('12345');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('alert')).toHaveText('Enter the 6-digit code from your authenticator app.');

  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Housecall' })).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue(admin.email);
});

test('the admin sees the staff list and finds sign-ins in the audit log', async ({ page }) => {
  await signIn(page, demoUser('admin'));
  const main = page.getByRole('main');

  const users = main.getByRole('table', { name: 'Staff accounts' });
  for (const user of DEMO_USERS) await expect(users.getByRole('cell', { name: user.email, exact: true })).toBeVisible();
  const adminRow = users.getByRole('row').filter({ has: page.getByRole('cell', { name: demoUser('admin').email, exact: true }) });
  await expect(adminRow.getByRole('cell', { name: 'On', exact: true })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Audit' }).click();
  const log = main.getByRole('table', { name: 'Audit log entries' });
  await expect(log.getByRole('cell', { name: 'auth.sign_in', exact: true }).first()).toBeVisible();

  await main.getByLabel('Action').fill('auth.sign_in');
  await main.getByRole('button', { name: 'Apply filters' }).click();
  await expect(main.getByRole('status').filter({ hasText: 'matching the filters' })).toBeVisible();
  const actions = log.locator('tbody tr td:nth-child(4)');
  await expect(actions.first()).toHaveText('auth.sign_in');
  for (const text of await actions.allTextContents()) expect(text).toBe('auth.sign_in');

  await main.getByLabel('Patient ID').fill('not-a-uuid');
  await main.getByRole('button', { name: 'Apply filters' }).click();
  await expect(main.getByText('Enter a patient ID in UUID form.')).toBeVisible();

  await signOut(page);
});

test('a reload in the same tab stays signed in; after signing out it does not', async ({ page }) => {
  const { displayName } = await signIn(page, demoUser('clinician'));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Inbox' }).click();

  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(displayName);
  await expect(page.getByRole('heading', { name: 'Sign in to Housecall' })).toHaveCount(0);

  await signOut(page);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in to Housecall' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
});

test('the connection indicator follows the network', async ({ page, context }) => {
  await signIn(page, demoUser('courier'));
  const banner = page.getByRole('banner');
  await expect(banner.getByRole('status', { name: 'Connection: online' })).toBeVisible();

  await context.setOffline(true);
  await expect(banner.getByRole('status', { name: 'Connection: offline' })).toBeVisible();

  await context.setOffline(false);
  await expect(banner.getByRole('status', { name: 'Connection: online' })).toBeVisible();
  await signOut(page);
});
