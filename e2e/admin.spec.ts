import { request, type Page } from '@playwright/test';
import { TEST_ADMIN_TOKEN } from '../server/test-support/test-credentials.js';
import { baseUrl } from './e2e-people.js';
import { expect, expectAccessible, screenshot, test } from './fixtures.js';

const ADMIN = { email: 'ada.admin@example.com', name: 'Ada Admin', password: 'e2e-password-administrator-1' };

async function signInAsAdmin(page: Page) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('link', { name: 'Administration' })).toBeVisible();
}

test.describe('administration', () => {
  test.beforeAll(async () => {
    const api = await request.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    const created = await api.post('/api/v1/users', { data: { ...ADMIN, role: 'admin' } });
    expect([201, 409]).toContain(created.status());
    await api.dispose();
  });

  test('people: add a person with a first password, and make them an administrator', async ({ page }) => {
    await signInAsAdmin(page);
    await page.goto('/admin');
    const form = page.getByRole('form', { name: 'Add a person' });
    await form.getByLabel('Name').fill('Nina Newcomer');
    await form.getByLabel('Email').fill('nina.newcomer@example.com');
    await form.getByLabel('First password').fill('a first password of hers');
    await form.getByRole('button', { name: 'Add person' }).click();
    await expect(form.getByRole('status')).toContainText('Added.');
    const role = page.getByLabel('Role of Nina Newcomer');
    await expect(role).toHaveValue('user');
    await role.selectOption('admin');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await page.reload();
    await expect(page.getByLabel('Role of Nina Newcomer')).toHaveValue('admin');
    // The same address twice is refused in words, not with a stack trace.
    await form.getByLabel('Name').fill('Nina Again');
    await form.getByLabel('Email').fill('nina.newcomer@example.com');
    await form.getByLabel('First password').fill('a first password of hers');
    await form.getByRole('button', { name: 'Add person' }).click();
    await expect(form.getByRole('alert')).toBeVisible();
  });

  test('people and teams: give someone a role and take it away', async ({ page }) => {
    await signInAsAdmin(page);
    await page.getByRole('link', { name: 'Administration' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
    const form = page.getByRole('form', { name: 'Give someone a role' });
    await form.getByLabel('Person').selectOption({ label: `Colin Consumer (colin.consumer@example.com)` });
    await form.getByLabel('Team').selectOption({ label: 'Core Banking Ledger' });
    await form.getByRole('button', { name: 'Save role' }).click();
    await expect(form.getByRole('status')).toHaveText('Saved.');
    const remove = page.getByRole('button', { name: 'Remove Colin Consumer from Core Banking Ledger' });
    await expect(remove).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'admin-people');
    await remove.click();
    await expect(remove).toHaveCount(0);
  });

  test('rulesets: assign one to a domain and unassign it', async ({ page }) => {
    await signInAsAdmin(page);
    await page.goto('/admin/rulesets');
    const form = page.getByRole('form', { name: 'Assign a ruleset' });
    await form.getByLabel('Applies to').selectOption('domain');
    await form.getByRole('textbox', { name: 'Domain' }).fill('banking');
    await form.getByRole('button', { name: 'Assign' }).click();
    const unassign = page.getByRole('button', { name: /^Unassign .* from domain banking$/ });
    await expect(unassign).toHaveCount(1);
    await expectAccessible(page);
    await screenshot(page, 'admin-rulesets');
    await unassign.click();
    await expect(unassign).toHaveCount(0);
  });

  test('webhooks: a refused address is explained; a created one can be disabled', async ({ page }) => {
    await signInAsAdmin(page);
    await page.goto('/admin/webhooks');
    const form = page.getByRole('form', { name: 'New webhook' });
    await form.getByLabel('URL').fill('http://127.0.0.1:9/hook');
    await form.getByRole('button', { name: 'Create webhook' }).click();
    await expect(form.getByRole('alert')).toBeVisible();
    await form.getByLabel('URL').fill('https://hooks.example.com/accord');
    await form.getByRole('button', { name: 'Create webhook' }).click();
    await expect(form.getByRole('status')).toContainText('Signing secret, shown once');
    const hook = page.getByRole('listitem').filter({ hasText: 'https://hooks.example.com/accord' });
    await expectAccessible(page);
    await screenshot(page, 'admin-webhooks');
    await hook.getByRole('button', { name: 'Disable' }).click();
    await expect(hook).toContainText('disabled');
  });

  test('the audit log lists changes and verifies its chain', async ({ page }) => {
    await signInAsAdmin(page);
    await page.goto('/admin/audit');
    await expect(page.getByRole('cell', { name: 'user.signed-in' }).first()).toBeVisible();
    await page.getByLabel('Action').fill('version.published');
    await expect(page.getByRole('cell', { name: 'version.published' }).first()).toBeVisible();
    await expect(page.getByRole('cell', { name: 'user.signed-in' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await expect(page.getByText(/^Chain intact: \d+ events verified/)).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'admin-audit');
  });

  test('a signed-in person who is no administrator is told so', async ({ page, signInAs }) => {
    await signInAs('consumer');
    await page.goto('/admin');
    await expect(page.getByText(/Administration is for administrators/)).toBeVisible();
  });
});
