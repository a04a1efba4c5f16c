import { storageStateOf } from './e2e-people.js';
import { expect, expectAccessible, screenshot, test } from './fixtures.js';

test('a consumer subscribes a system to operations and a version range, and a maintainer approves it', async ({ browser, baseURL }) => {
  const consumer = await browser.newContext({ baseURL: baseURL!, storageState: storageStateOf('consumer') });
  const page = await consumer.newPage();
  await page.goto('/contracts/erp-production-orders-api/consumers');
  await page.getByRole('button', { name: 'Subscribe…' }).click();
  const form = page.getByRole('form', { name: 'Subscribe a system of yours' });
  await form.getByLabel('Your system').selectOption({ label: 'Point of Sale' });
  await form.getByLabel('Version range').fill('^2.0.0');
  await form.getByRole('checkbox').first().check();
  await expectAccessible(page);
  await screenshot(page, 'contract-subscribe');
  await form.getByRole('button', { name: 'Request subscription' }).click();
  await expect(page.getByRole('status')).toContainText('Subscription requested');
  await consumer.close();

  const maintainer = await browser.newContext({ baseURL: baseURL!, storageState: storageStateOf('maintainer') });
  const owner = await maintainer.newPage();
  await owner.goto('/contracts/erp-production-orders-api/consumers');
  const row = owner.getByRole('row').filter({ hasText: 'Point of Sale' }).filter({ hasText: '^2.0.0' });
  await expect(row).toContainText('requested');
  await row.getByRole('button', { name: 'Approve Point of Sale' }).click();
  await expect(row).toContainText('approved');
  await screenshot(owner, 'contract-consumers');
  await maintainer.close();
});
