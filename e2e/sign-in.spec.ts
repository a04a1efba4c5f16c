import { PEOPLE } from './e2e-people.js';
import { expect, expectAccessible, screenshot, test } from './fixtures.js';

test('signing in with email and password, after a wrong password is refused in words', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Accord' })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'sign-in');
  await page.getByLabel('Email').fill(PEOPLE.consumer.email);
  await page.getByLabel('Password').fill('not the password at all');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('That email and password do not match an account.');
  await page.getByLabel('Password').fill(PEOPLE.consumer.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('banner')).toContainText(PEOPLE.consumer.name);
  await expect(page).toHaveURL(/\/$/);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
});
