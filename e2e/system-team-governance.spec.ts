import { expect, expectAccessible, screenshot, test } from './fixtures.js';

test.describe('system, team and governance pages', () => {
  test('a system page shows what it provides, to whom, and what it consumes', async ({ page }) => {
    await page.goto('/systems/inventory');
    await expect(page.getByRole('heading', { level: 1, name: 'Inventory Service' })).toBeVisible();
    const provides = page.getByRole('region', { name: /^Provides/ });
    await expect(provides.getByRole('link', { name: 'Inventory Stock API' })).toBeVisible();
    await expect(provides).toContainText('used by Point of Sale, Web Shop');
    await page.goto('/systems/pos');
    const consumes = page.getByRole('region', { name: /^Consumes/ });
    await expect(consumes.getByRole('link', { name: 'Inventory Stock API' })).toBeVisible();
    await expect(consumes).toContainText('POST /reservations');
    await expectAccessible(page);
    await screenshot(page, 'system');
    await page.getByRole('link', { name: 'Store Platform' }).click();
    await expect(page).toHaveURL(/\/teams\/store-platform$/);
  });

  test("a team page shows its systems, contracts and scorecard; members to a member", async ({ page, signInAs }) => {
    await signInAs('maintainer');
    await page.goto('/teams/supply-chain');
    await expect(page.getByRole('heading', { level: 1, name: 'Supply Chain Platform' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Systems' }).getByRole('link', { name: 'ERP' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Contracts' }).getByRole('link', { name: 'Inventory Stock Events' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Members' })).toContainText('Mira Maintainer');
    await expect(page.getByRole('region', { name: 'Scorecard' }).getByRole('img', { name: /% of published contracts clean/ })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'team');
  });

  test('governance charts the teams and domains and lists the worst contracts', async ({ page }) => {
    await page.goto('/governance');
    await expect(page.getByRole('heading', { level: 1, name: 'Governance' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Clean share and open findings by domain' })).toContainText('manufacturing');
    await expect(page.getByRole('table', { name: 'Clean share and open findings by team' })).toContainText('supply-chain');
    await expect(page.getByRole('region', { name: 'Worst findings' })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'governance');
  });
});
