import { expect, expectAccessible, screenshot, test } from './fixtures.js';

test.describe('catalog search', () => {
  test('the landing page lists the seeded contracts with owner, version, lifecycle and grade', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Find an API or event stream' })).toBeVisible();
    const stock = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Inventory Stock API' }) });
    await expect(stock).toContainText('Supply Chain Platform · Inventory Service');
    await expect(stock).toContainText('2.0.0');
    await expect(stock).toContainText('active');
    await expect(stock).toContainText(/\d+ systems?/);
    await expect(stock.getByText(/Governance grade/)).toBeAttached();
    await expect(page.getByRole('region', { name: 'Domain' }).getByRole('button', { name: /^retail \d+$/ })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'search');
  });

  test('typing narrows the results at once, and the URL holds the query', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('searchbox', { name: 'Search contracts' }).fill('banking');
    await expect(page).toHaveURL(/\?q=banking/);
    await expect(page.getByRole('link', { name: 'Core Banking Accounts API' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Inventory Stock API' })).toHaveCount(0);
  });

  test('a facet filters with its count, and the filtered search can be shared as a link', async ({ page, context }) => {
    await page.goto('/');
    const kind = page.getByRole('region', { name: 'Kind' });
    const asyncapi = kind.getByRole('button', { name: /AsyncAPI/ });
    const count = Number((await asyncapi.locator('.count').textContent())!.trim());
    await asyncapi.click();
    await expect(asyncapi).toHaveAttribute('aria-pressed', 'true');
    await expect(page).toHaveURL(/kind=asyncapi/);
    await expect(page.getByRole('heading', { name: `${count} contract${count === 1 ? '' : 's'}` })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Inventory Stock Events' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Inventory Stock API' })).toHaveCount(0);

    const shared = await context.newPage();
    await shared.goto(page.url());
    await expect(shared.getByRole('region', { name: 'Kind' }).getByRole('button', { name: /AsyncAPI/ })).toHaveAttribute('aria-pressed', 'true');
    await expect(shared.getByRole('heading', { name: `${count} contract${count === 1 ? '' : 's'}` })).toBeVisible();
  });

  test('a client route is answered with the app under a strict content security policy', async ({ page }) => {
    const response = await page.goto('/contracts/inventory-stock-api');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await expect(page.getByRole('heading', { level: 1, name: 'Inventory Stock API' })).toBeVisible();
  });
});
