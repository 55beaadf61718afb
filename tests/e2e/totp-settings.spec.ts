// Two-step verification from the settings, in Chromium against the built server: a clinician without it (a demo
// physician other than the demo clinician, who must stay without it for the other tests) sets it up with the
// setup key shown as text, a wrong or short code is refused with a clear message, the right code turns it on,
// and the next sign-in asks for a code.
import { expect, test } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { demoPassword, demoUser } from './support/demo-users';
import { openSignIn, signIn, signOut } from './support/sign-in';

const PHYSICIAN = { ...demoUser('clinician'), email: 'thomas.lindqvist@demo.housecall.test' };

test('a clinician turns on two-step verification in the settings; the next sign-in asks for a code', async ({ page }) => {
  await signIn(page, PHYSICIAN);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Managed settings' }).click();
  const section = page.getByRole('region', { name: 'Two-step verification' });
  await expect(section).toContainText('Two-step verification is off.');
  await section.getByRole('button', { name: 'Set up two-step verification' }).click();

  const key = (await section.getByLabel('Setup key').innerText()).replace(/\s/g, '');
  expect(key).toMatch(/^[A-Z2-7]{16,}$/);
  const link = await section.getByLabel('Setup link').innerText();
  expect(link).toMatch(/^otpauth:\/\/totp\//);
  expect(new URL(link).searchParams.get('secret')).toBe(key);
  const totp = new TOTP({ secret: Secret.fromBase32(key), period: 30, digits: 6, algorithm: 'SHA1' });
  const form = section.getByRole('form', { name: 'Confirm two-step verification' });

  // Bad input: a short code is refused on the device, a wrong one by the server; it stays off.
  await form.getByLabel('Authentication code').fill('123');
  await form.getByRole('button', { name: 'Turn on two-step verification' }).click();
  await expect(section.getByRole('alert')).toHaveText('Enter the 6-digit code your authenticator app shows.');
  const wrong = String((Number(totp.generate()) + 1) % 1_000_000).padStart(6, '0');
  await form.getByLabel('Authentication code').fill(wrong);
  await form.getByRole('button', { name: 'Turn on two-step verification' }).click();
  await expect(section.getByRole('alert')).toHaveText('That code is not correct, or set-up was not started.');

  await form.getByLabel('Authentication code').fill(totp.generate());
  await form.getByRole('button', { name: 'Turn on two-step verification' }).click();
  await expect(section.getByRole('status')).toContainText('Two-step verification is on');
  // Back to the settings later in the same session, it still says so (read from the server, not the sign-in).
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Schedule' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Managed settings' }).click();
  await expect(section.getByRole('status')).toContainText('Two-step verification is on');
  await expect(section.getByRole('button', { name: 'Set up two-step verification' })).toHaveCount(0);
  await signOut(page);

  // The next sign-in asks for a code (the next time step: the one used to turn it on is spent).
  await openSignIn(page);
  await page.getByLabel('Email').fill(PHYSICIAN.email);
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Two-step verification' })).toBeVisible();
  await page.getByLabel('Authentication code').fill(totp.generate({ timestamp: Date.now() + 30_000 }));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Managed settings' }).click();
  await expect(page.getByRole('region', { name: 'Two-step verification' }).getByRole('status')).toContainText('Two-step verification is on');
});
