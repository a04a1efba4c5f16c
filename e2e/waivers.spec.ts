import { expect, expectAccessible, screenshot, test } from './fixtures.js';

test('a maintainer requests a waiver for a finding, approves it, and revokes it', async ({ page, signInAs }) => {
  await signInAs('maintainer');
  await page.goto('/contracts/inventory-stock-api/findings');
  await expect(page.getByRole('heading', { name: /^Findings of/ })).toBeVisible();
  await page.getByRole('button', { name: 'Request a waiver…' }).first().click();
  const reason = `accepted for the e2e run ${Date.now()}`;
  await page.getByLabel('Why this finding may stay').fill(reason);
  await page.getByRole('button', { name: 'Request waiver' }).click();

  const row = page.getByRole('row').filter({ hasText: reason });
  await expect(row).toContainText('requested');
  await expect(row).toContainText('asked by');
  await row.getByRole('button', { name: 'Approve' }).click();
  await expect(row).toContainText('active');
  await expectAccessible(page);
  await screenshot(page, 'contract-waivers');
  await row.getByRole('button', { name: 'Revoke' }).click();
  await expect(row).toContainText('revoked');
  await expect(row.getByRole('button')).toHaveCount(0);
});
