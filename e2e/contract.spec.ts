import { expect, expectAccessible, screenshot, test } from './fixtures.js';

test.describe('contract page', () => {
  test('shows the overview and renders OpenAPI 3.1 documentation with operations, parameters and schemas', async ({ page }) => {
    await page.goto('/contracts/inventory-stock-api');
    await expect(page.getByRole('heading', { level: 1, name: 'Inventory Stock API' })).toBeVisible();
    await expect(page.locator('.contract-facts')).toContainText('Supply Chain Platform');
    await expect(page.locator('.contract-facts')).toContainText('BACKWARD');
    const docs = page.locator('.document-view');
    await expect(docs.getByRole('heading', { name: /POST \/reservations$/ }).first()).toBeVisible();
    await expect(docs.getByRole('heading', { name: 'Parameters' }).first()).toBeVisible();
    await expect(docs.getByRole('heading', { name: 'Schemas' })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'contract-openapi');
  });

  for (const [slug, kind, expected] of [
    ['legacy-loyalty-api', 'Swagger 2.0', /GET/],
    ['core-banking-accounts-api', 'OpenAPI 3.0', /GET/],
    ['core-banking-transaction-events', 'AsyncAPI 2.6', /Channels/],
    ['inventory-stock-events', 'AsyncAPI 3.0', /Operations/],
  ] as const) {
    test(`renders ${kind} documentation (${slug})`, async ({ page }) => {
      await page.goto(`/contracts/${slug}?version=1.0.0`);
      const docs = page.locator('.document-view');
      await expect(docs.getByRole('heading', { level: 2 }).first()).toBeVisible();
      await expect(docs).toContainText(expected);
      await expect(docs.locator('.operation').first()).toBeVisible();
      if (kind.startsWith('AsyncAPI')) await expect(docs.getByRole('heading', { name: /^Message/ }).first()).toBeVisible();
      if (slug === 'inventory-stock-events') {
        await expectAccessible(page);
        await screenshot(page, 'contract-asyncapi');
      }
    });
  }

  test('compares two versions: breaking findings first with the consumers they hit, and the documents side by side', async ({ page }) => {
    await page.goto('/contracts/inventory-stock-api/compare?from=1.1.0&to=2.0.0');
    await expect(page.getByRole('heading', { name: 'Findings' })).toBeVisible();
    const first = page.locator('.finding').first();
    await expect(first).toContainText('breaking');
    await expect(first).toContainText('Consumers hit');
    await expect(page.getByRole('region', { name: 'Document change from 1.1.0 to 2.0.0' })).toBeVisible();
    await expect(page.locator('.source-diff td.added').first()).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'contract-compare');
  });

  test('lists versions, changelog, findings, consumers and deployments', async ({ page }) => {
    await page.goto('/contracts/inventory-stock-api/versions');
    await expect(page.getByRole('heading', { name: /^2\.0\.0/ })).toBeVisible();
    await page.getByRole('link', { name: 'Changelog' }).click();
    await expect(page.getByRole('heading', { name: '2.0.0' })).toBeVisible();
    await page.getByRole('link', { name: 'Findings & waivers' }).click();
    await expect(page.getByRole('heading', { name: 'Waivers' })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'contract-findings');
    await page.getByRole('link', { name: 'Consumers' }).click();
    await expect(page.getByRole('cell', { name: /Point of Sale/ })).toBeVisible();
    await page.getByRole('link', { name: 'Deployments' }).click();
    await expect(page.getByRole('region', { name: 'Deployments' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Download source' })).toHaveCount(0);
  });

  test('downloads the source document of a version', async ({ page }) => {
    await page.goto('/contracts/inventory-stock-api?version=1.0.0');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download source' }).click();
    expect((await download).suggestedFilename()).toBe('inventory-stock-api-1.0.0.yaml');
  });
});
