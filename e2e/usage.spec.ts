import type { APIRequestContext } from '@playwright/test';
import { latencyBucketOf, type TrafficWindow } from '../server/shared/index.js';
import { storageStateOf } from './e2e-people.js';
import { expect, expectAccessible, screenshot, test } from './fixtures.js';

const CONTRACT = 'e2e-usage-orders-api';
const MINUTE = 60_000;

/** Production orders as an OpenAPI document holding the given operations of four. */
function ordersApi(version: string, { notes = true, byNumber = true }: { notes?: boolean; byNumber?: boolean } = {}): string {
  const ok = { '200': { description: 'OK', content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string' } } } } } } };
  const id = [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }];
  const paths: Record<string, unknown> = { '/orders': { get: { operationId: 'listOrders', summary: 'List production orders', responses: ok } } };
  if (byNumber) paths['/orders/{id}'] = { get: { operationId: 'getOrder', summary: 'One production order', parameters: id, responses: ok } };
  if (notes) paths['/orders/{id}/notes'] = { post: { operationId: 'addNote', summary: 'Note on an order', parameters: id, responses: ok } };
  return JSON.stringify({ openapi: '3.0.3', info: { title: 'Usage orders API', version }, paths }, null, 2);
}

/** Ten minutes of one consumer's calls to one operation in production, ending a minute ago. */
function windows(consumer: string, operation: string, requestsPerMinute: number): TrafficWindow[] {
  const now = Math.floor(Date.now() / MINUTE) * MINUTE;
  return Array.from({ length: 10 }, (_, i) => {
    const end = now - (i + 1) * MINUTE;
    return {
      id: `e2e-usage-${consumer}-${operation.replace(/[^A-Za-z]+/g, '-')}-${end}`,
      contract: CONTRACT,
      environment: 'prod',
      version: '1.0.0',
      source: 'proxy',
      reporter: 'e2e:usage',
      startedAt: new Date(end - MINUTE).toISOString(),
      endedAt: new Date(end).toISOString(),
      operations: [{ operation, consumer, requests: requestsPerMinute, status: { '2xx': requestsPerMinute }, transportErrors: 0, violations: 0, latency: [[latencyBucketOf(40), requestsPerMinute]], latencySumMs: requestsPerMinute * 40 }],
      violations: [],
      undocumented: [],
    };
  });
}

async function arrange(admin: APIRequestContext): Promise<void> {
  const created = await admin.post('/api/v1/contracts', { data: { slug: CONTRACT, name: 'Usage Orders API', system: 'erp' } });
  // A worker restarted after a failure runs this again: what the first run made stays.
  if (created.status() === 409) return;
  expect(created.status()).toBe(201);
  expect((await admin.post(`/api/v1/contracts/${CONTRACT}/versions`, { data: { version: '1.0.0', document: ordersApi('1.0.0') } })).status()).toBe(201);
  expect((await admin.post(`/api/v1/contracts/${CONTRACT}/deployments`, { data: { environment: 'prod', version: '1.0.0', address: 'https://orders.example.com/v1' } })).status()).toBe(201);
  // The MES subscribes to the list and calls it; the CRM subscribes to one order and never calls.
  for (const [consumer, operation] of [['mes', 'GET /orders'], ['crm', 'GET /orders/{id}']] as const) {
    const requested = await admin.post(`/api/v1/contracts/${CONTRACT}/subscriptions`, { data: { consumer, range: '^1.0.0', operations: [operation] } });
    expect(requested.status()).toBe(201);
    const { id } = (await requested.json()) as { id: string };
    expect((await admin.post(`/api/v1/subscriptions/${id}/approve`, { data: {} })).status()).toBe(200);
  }
  // Analytics reads single orders with no subscription (a shadow consumer); an uptime probe posts notes.
  const traffic = [...windows('mes', 'GET /orders', 12), ...windows('analytics', 'GET /orders/{id}', 5), ...windows('uptime-probe', 'POST /orders/{id}/notes', 1)];
  for (const w of traffic) expect([200, 202]).toContain((await admin.post('/api/v1/traffic/windows', { data: w })).status());
}

test.describe.configure({ mode: 'serial' });

test.describe('usage: whom a change breaks', () => {
  test.beforeAll(async ({ admin }) => {
    await arrange(admin);
  });

  test('anyone reads who calls which operation, shadow consumers and silent subscriptions, and the gating settings', async ({ page }) => {
    await page.goto(`/contracts/${CONTRACT}/usage`);
    const matrix = page.getByRole('table', { name: 'Requests per operation and consumer' });
    await expect(matrix.getByRole('columnheader', { name: 'analytics' })).toBeVisible();
    const row = (operation: string) => matrix.getByRole('row').filter({ has: page.getByRole('rowheader', { name: operation, exact: true }) });
    await expect(row('GET /orders')).toContainText('120 requests');
    await expect(row('GET /orders/{id}')).toContainText('50 requests');
    await expect(row('GET /orders/{id}')).toContainText('no subscription');
    const shadow = page.getByRole('region', { name: /Shadow consumers/ });
    await expect(shadow.getByRole('listitem').filter({ hasText: 'analytics' })).toContainText('50 requests');
    const silent = page.getByRole('region', { name: /Silent subscriptions/ });
    await expect(silent.getByRole('listitem').filter({ hasText: 'Customer Relationship Management' }).or(silent.getByRole('listitem').filter({ hasText: 'crm' }))).toBeVisible();
    await expect(silent).not.toContainText('mes');
    const gating = page.getByRole('region', { name: 'Usage-aware gating' });
    await expect(gating.getByText('Standard: every breaking change gates')).toBeVisible();
    await expect(gating.getByRole('button', { name: 'Save settings' })).toHaveCount(0);
    await expectAccessible(page);
    await screenshot(page, 'contract-usage');
  });

  test('a maintainer turns on usage-aware gating and excludes a probe; an unused removal passes, a used one is blocked naming whom', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL: baseURL!, storageState: storageStateOf('maintainer') });
    const page = await context.newPage();
    await page.goto(`/contracts/${CONTRACT}/usage`);
    const settings = page.getByRole('form', { name: 'Usage-aware gating settings' });
    await settings.getByLabel('Gating').selectOption('usage_aware');
    await settings.getByLabel('Threshold (requests that count as use)').fill('5');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
    const exclude = page.getByRole('form', { name: 'Exclude a consumer' });
    await exclude.getByLabel('Consumer').fill('uptime-probe');
    await exclude.getByLabel('Why its traffic is not use').fill('uptime probe, not a client');
    await exclude.getByRole('button', { name: 'Exclude' }).click();
    await expect(page.getByRole('listitem').filter({ hasText: 'uptime-probe' })).toContainText('uptime probe, not a client');
    await expect(page.getByText(/Left out of these figures: uptime-probe \(10 requests/)).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'contract-usage-maintainer');

    // Removing the notes operation only the excluded probe called passes under usage-aware gating.
    await page.getByRole('link', { name: 'Publish' }).click();
    await page.getByRole('textbox', { name: 'Version' }).fill('1.1.0');
    await page.getByRole('textbox', { name: 'Document (YAML or JSON)' }).fill(ordersApi('1.1.0', { notes: false }));
    await page.getByRole('button', { name: 'Check and publish' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Published 1.1.0.' })).toBeVisible();
    const published = page.getByRole('region', { name: 'Findings it was published with' });
    await expect(published.getByRole('listitem').filter({ hasText: 'POST /orders/{id}/notes' })).toContainText('passes: no consumer uses it');
    await expect(published.getByRole('note', { name: 'How usage weighed in' })).toContainText('1 breaking change no declared or observed consumer uses, so it passed');

    // Removing the single-order read the CRM subscribes to and analytics calls is blocked, naming both.
    await page.getByRole('textbox', { name: 'Version' }).fill('1.2.0');
    await page.getByRole('textbox', { name: 'Document (YAML or JSON)' }).fill(ordersApi('1.2.0', { notes: false, byNumber: false }));
    await page.getByRole('button', { name: 'Check and publish' }).click();
    const refusal = page.getByRole('alert');
    await expect(refusal.getByRole('heading', { name: /^Publish blocked/ })).toBeVisible();
    await expect(refusal.getByRole('note', { name: 'How usage weighed in' })).toContainText(/reaches consumers and fails the check: .*analytics/);
    const reached = refusal.getByRole('table', { name: 'Consumers the finding reaches' }).first();
    await expect(reached.getByRole('row', { name: /^analytics .* observed 50 / })).toBeVisible();
    await expect(reached.getByRole('row', { name: /^crm .* declared/ })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'contract-publish-blocked-by-usage');
    await context.close();
  });

  test('the findings and compare views name the consumers each finding reaches and explain the usage verdict', async ({ page }) => {
    await page.goto(`/contracts/${CONTRACT}/findings`);
    await expect(page.getByRole('note', { name: 'How usage weighed in' })).toContainText(/no declared or observed consumer uses/);
    await expect(page.getByRole('listitem').filter({ hasText: 'POST /orders/{id}/notes' }).first()).toContainText('passes: no consumer uses it');

    await page.goto(`/contracts/${CONTRACT}/compare?from=1.0.0&to=1.1.0`);
    await expect(page.getByRole('note', { name: 'How usage weighed in' })).toContainText('Usage-aware gating');
    await expect(page.getByRole('listitem').filter({ hasText: 'POST /orders/{id}/notes' }).first()).toContainText('passes: no consumer uses it');
    await expectAccessible(page);
    await screenshot(page, 'contract-compare-usage');
  });

  test('can-i-deploy answers a provider on the contract page and a consumer on the system page, with reasons', async ({ page, admin }) => {
    // A major version that drops the single-order read: publishable, and still not deployable over its users.
    const major = await admin.post(`/api/v1/contracts/${CONTRACT}/versions`, { data: { version: '2.0.0', document: ordersApi('2.0.0', { notes: false, byNumber: false }) } });
    expect([200, 201]).toContain(major.status());
    await page.goto(`/contracts/${CONTRACT}/deployments`);
    const panel = page.getByRole('region', { name: 'Can I deploy?' });
    const ask = panel.getByRole('form', { name: 'Can this version be deployed' });
    await ask.getByLabel('Version').selectOption('1.1.0');
    await ask.getByLabel('To environment').selectOption('prod');
    await ask.getByRole('button', { name: 'Ask' }).click();
    await expect(panel.getByRole('status')).toContainText(/^Yes for prod/);
    await expect(panel.getByRole('list', { name: 'Reasons' }).getByRole('listitem').filter({ hasText: 'mes' })).toContainText('Yes');

    await ask.getByLabel('Version').selectOption('2.0.0');
    await ask.getByRole('button', { name: 'Ask' }).click();
    await expect(panel.getByRole('status')).toContainText(/^No for prod/);
    const reasons = panel.getByRole('list', { name: 'Reasons' });
    await expect(reasons.getByRole('listitem').filter({ hasText: /^No.*analytics/ })).toContainText('GET /orders/{id}');
    await expect(reasons.getByRole('listitem').filter({ hasText: /^No.*crm/ })).toBeVisible();
    await expect(reasons.getByRole('listitem').filter({ hasText: /^Yes.*mes/ })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'contract-can-i-deploy');

    await page.goto('/systems/mes');
    const ship = page.getByRole('region', { name: 'Can I deploy?' });
    await ship.getByLabel('Ship to environment').selectOption('prod');
    await ship.getByRole('button', { name: 'Ask' }).click();
    await expect(ship.getByRole('status')).toContainText(/^(Yes|No|Cannot tell) for prod/);
    await expectAccessible(page);
    await screenshot(page, 'system-can-i-deploy');
  });
});
