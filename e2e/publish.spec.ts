import { storageStateOf } from './e2e-people.js';
import { expect, expectAccessible, screenshot, test } from './fixtures.js';

test.use({ storageState: storageStateOf('maintainer') });

test('a maintainer publishing a breaking patch sees it blocked, with its findings and the consumers it would break', async ({ page }) => {
  await page.goto('/contracts/inventory-stock-api/publish');
  await page.getByLabel('Version', { exact: true }).fill('2.0.1');
  await page.getByLabel('Document (YAML or JSON)').fill(
    JSON.stringify({ openapi: '3.1.0', info: { title: 'Inventory Stock API', version: '2.0.1' }, paths: { '/health': { get: { operationId: 'health', responses: { '200': { description: 'ok' } } } } } }, null, 2),
  );
  await page.getByRole('button', { name: 'Check and publish' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'Publish blocked' });
  await expect(refusal).toBeVisible();
  await expect(refusal.getByRole('heading', { name: 'Consumers it would break' })).toBeVisible();
  await expect(refusal).toContainText('e-commerce');
  await expect(refusal.locator('.finding.breaking').first()).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'contract-publish-blocked');
});

test('a person who maintains another team is told who may publish', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL: baseURL!, storageState: storageStateOf('consumer') });
  const page = await context.newPage();
  await page.goto('/contracts/inventory-stock-api/publish');
  await expect(page.getByText('Only maintainers of Supply Chain Platform publish versions')).toBeVisible();
  await context.close();
});
