import { expect, expectAccessible, screenshot, test } from './fixtures.js';

test.describe('catalog search', () => {
  test('the landing page lists the seeded contracts with owner, version, lifecycle and grade', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Find an API or event stream' })).toBeVisible();
    const stock = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Inventory Stock API' }) });
    await expect(stock).toContainText('Supply Chain Platform · Inventory Service');
    await expect(stock).toContainText('2.0.0');
    await expect(stock).toContainText('active');
    await expect(stock.getByText(/Governance grade/)).toBeAttached();
    await expectAccessible(page);
    await screenshot(page, 'search');
  });

  test('typing narrows the results and the URL holds the query', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('searchbox', { name: 'Search contracts' }).fill('banking');
    await expect(page).toHaveURL(/\?q=banking/);
    await expect(page.getByRole('link', { name: 'Core Banking Accounts API' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Inventory Stock API' })).toHaveCount(0);
  });

  test('a client route loads the app from the server', async ({ page }) => {
    const response = await page.goto('/contracts/inventory-stock-api');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });
});
