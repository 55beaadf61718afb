// Signs a demo user in through the UI (password, then the TOTP step for the admin) and returns their name
// as the server reported it.
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { LoginResponseSchema } from '../../../shared/api/auth';
import type { DemoUser } from './demo-users';
import { demoPassword } from './demo-users';
import { nextAdminTotpCode } from './totp';

const isPost = (suffix: string) => (response: { url(): string; request(): { method(): string } }) =>
  response.request().method() === 'POST' && new URL(response.url()).pathname === suffix;

export async function openSignIn(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sign in to Housecall' })).toBeVisible();
}

export async function signIn(page: Page, user: DemoUser): Promise<{ displayName: string }> {
  await openSignIn(page);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(demoPassword);

  const finalPath = user.role === 'admin' ? '/api/auth/totp' : '/api/auth/login';
  if (user.role === 'admin') {
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Two-step verification' })).toBeVisible();
    await page.getByLabel('Authentication code').fill(await nextAdminTotpCode());
  }
  const answer = page.waitForResponse(isPost(finalPath));
  await page.getByRole('button', { name: user.role === 'admin' ? 'Verify' : 'Sign in' }).click();
  const response = await answer;
  expect(response.status()).toBe(200);
  const body = LoginResponseSchema.parse(await response.json());
  if (body.status !== 'signed_in') throw new Error(`expected signed_in, got ${body.status}`);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  return { displayName: body.user.displayName };
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Housecall' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
}
