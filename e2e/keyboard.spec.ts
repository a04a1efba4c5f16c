import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

/** Presses Tab until the focused element matches, as someone without a mouse would. */
async function tabTo(page: Page, matches: (element: { tag: string; text: string }) => boolean, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ tag: document.activeElement?.tagName ?? '', text: (document.activeElement?.textContent ?? '').trim() }));
    if (matches(focused)) return;
  }
  throw new Error('never reached the element with Tab');
}

test('the main flow works with the keyboard alone: search, filter, open a contract, compare', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('searchbox', { name: 'Search contracts' })).toBeFocused();
  await page.keyboard.type('stock');
  await expect(page).toHaveURL(/q=stock/);
  await tabTo(page, (e) => e.tag === 'BUTTON' && e.text.startsWith('OpenAPI'));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/kind=openapi/);
  await tabTo(page, (e) => e.tag === 'A' && e.text === 'Inventory Stock API');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Inventory Stock API' })).toBeVisible();
  await tabTo(page, (e) => e.tag === 'A' && e.text === 'Compare');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/compare$/);
  await expect(page.getByRole('heading', { name: 'Findings' })).toBeVisible();
});
