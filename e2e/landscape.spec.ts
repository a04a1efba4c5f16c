import { expect, expectAccessible, screenshot, test } from './fixtures.js';

test.describe('landscape', () => {
  test('draws the seeded domains with their systems, flags the ERP–MES cycle and the retail cluster', async ({ page }) => {
    // The server's first layout starts a worker thread, which takes a while on a busy machine.
    test.setTimeout(150_000);
    await page.goto('/landscape');
    const drawing = page.getByRole('group', { name: /^Landscape of \d+ systems/ });
    await expect(drawing).toBeVisible({ timeout: 90_000 });
    for (const domain of ['retail', 'banking', 'manufacturing']) await expect(drawing.getByText(domain, { exact: true })).toBeVisible();
    await expect(drawing.getByRole('link', { name: /^Point of Sale: used by 0, uses 2; in a point-to-point cluster/ })).toBeVisible();
    await expect(drawing.getByRole('link', { name: /^ERP: used by 1, uses 1; in a cycle/ })).toBeVisible();
    const findings = page.getByRole('complementary', { name: 'What the landscape shows' });
    await expect(findings.getByRole('listitem').filter({ hasText: 'ERP ⇄ Manufacturing Execution System' })).toBeVisible();
    await expect(findings.getByText('Inventory Service')).toHaveCount(2);
    await expectAccessible(page);
    await screenshot(page, 'landscape');
  });

  test('filters by domain and team, and the URL keeps the filter', async ({ page }) => {
    await page.goto('/landscape');
    await page.getByLabel('Domain').selectOption('manufacturing');
    await expect(page).toHaveURL(/domain=manufacturing/);
    const drawing = page.getByRole('group', { name: /^Landscape of/ });
    await expect(drawing.getByRole('link', { name: /^Manufacturing Execution System:/ })).toBeVisible();
    await expect(drawing.getByRole('link', { name: /^Point of Sale:/ })).toHaveCount(0);
    await page.getByLabel('Domain').selectOption('');
    await page.getByLabel('Team').selectOption({ label: 'Core Banking Ledger' });
    await expect(drawing.getByRole('link', { name: /^Core Banking:/ })).toBeVisible();
    await expect(drawing.getByRole('link', { name: /^ERP:/ })).toHaveCount(0);
  });

  test('a system and a subscription are reachable with the keyboard and lead to their pages', async ({ page }) => {
    await page.goto('/landscape?domain=manufacturing');
    const erp = page.getByRole('link', { name: /^ERP: used by/ });
    await erp.focus();
    await expect(erp).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/systems\/erp$/);
    await expect(page.getByRole('heading', { level: 1, name: 'ERP' })).toBeVisible();
    await page.goBack();
    const line = page.getByRole('link', { name: /^ERP uses MES Confirmations Events/ });
    await line.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/contracts\/mes-confirmations-events/);
  });
});
