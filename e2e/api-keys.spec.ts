import { expect, expectAccessible, screenshot, test } from './fixtures.js';

// Keys may last at most a year; this one expires in about half of that.
const expiry = new Date(Date.now() + 180 * 86_400_000);
const expiryField = expiry.toISOString().slice(0, 10);
const expiryShown = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(expiry);

test.describe('API keys', () => {
  test('a maintainer creates a key with scopes and expiry, sees its secret once, and revokes it', async ({ page, signInAs }) => {
    await signInAs('maintainer');
    await page.goto('/api-keys');
    await expect(page.getByRole('heading', { level: 1, name: 'API keys' })).toBeVisible();
    const form = page.getByRole('form', { name: 'New key' });
    await form.getByLabel('Name').fill('inventory CI');
    await form.getByRole('checkbox', { name: /contracts:publish/ }).check();
    await form.getByLabel('Expires on').fill(expiryField);
    await form.getByRole('button', { name: 'Create key' }).click();
    const secret = page.getByLabel('The new API key');
    await expect(secret).toHaveText(/^acc_/);
    const key = (await secret.textContent())!;
    const row = page.getByRole('row').filter({ hasText: 'inventory CI' });
    await expect(row).toContainText('contracts:publish');
    await expect(row).toContainText(expiryShown);
    await expect(row).not.toContainText(key);
    await expectAccessible(page);
    await screenshot(page, 'api-keys');

    // Shown once: after the page is left, only its prefix remains.
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await page.reload();
    await expect(page.getByText(key)).toHaveCount(0);

    await row.getByRole('button', { name: 'Revoke inventory CI' }).click();
    await row.getByRole('button', { name: 'Revoke inventory CI now' }).click();
    await expect(row).toContainText('revoked');
    const answer = await page.request.get('/api/v1/contracts', { headers: { authorization: `Bearer ${key}` } });
    expect(answer.status()).toBe(401);
  });

  test('a refusal is shown in words', async ({ page, signInAs }) => {
    await signInAs('maintainer');
    await page.goto('/api-keys');
    const form = page.getByRole('form', { name: 'New key' });
    await form.getByLabel('Name').fill('expired already');
    await form.getByLabel('Expires on').fill('2001-01-01');
    await form.getByRole('button', { name: 'Create key' }).click();
    await expect(form.getByRole('alert')).toContainText(/expir/i);
  });
});
