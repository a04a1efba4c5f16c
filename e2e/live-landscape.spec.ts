import { latencyBucketOf, type TrafficWindow } from '../server/shared/index.js';
import { expect, expectAccessible, screenshot, test } from './fixtures.js';

const MINUTE = 60_000;
const KIOSK = 'self-service-kiosk';

/** A minute of one consumer's calls to one operation of the seeded stock API in production, ending `minutesAgo` before now. */
function window({ minutesAgo, consumer, operation, latencyMs, requests = 120 }: { minutesAgo: number; consumer: string; operation: string; latencyMs: number; requests?: number }): TrafficWindow {
  const end = Math.floor(Date.now() / MINUTE) * MINUTE - minutesAgo * MINUTE;
  return {
    id: `e2e-live-${consumer}-${operation.startsWith('GET') ? 'stock' : 'reserve'}-${end}`,
    contract: 'inventory-stock-api',
    environment: 'prod',
    version: '1.0.0',
    source: 'proxy',
    reporter: 'e2e:live',
    startedAt: new Date(end - MINUTE).toISOString(),
    endedAt: new Date(end).toISOString(),
    operations: [{ operation, consumer, requests, status: { '2xx': requests }, transportErrors: 0, violations: 0, latency: [[latencyBucketOf(latencyMs), requests]], latencySumMs: requests * latencyMs }],
    violations: [],
    undocumented: [],
  };
}

test.describe('live landscape, health charts and runbooks', () => {
  test.beforeAll(async ({ request }) => {
    const admin = { authorization: `Bearer ${(await import('../server/test-support/test-credentials.js')).TEST_ADMIN_TOKEN}` };
    // A system of its own that calls the stock API without a subscription: the undeclared edge.
    const created = await request.post('/api/v1/systems', { headers: admin, data: { slug: KIOSK, name: 'Self-Service Kiosk', team: 'store-platform', domain: 'retail' } });
    // A worker restarted after a failure runs this again: what the first run made stays.
    expect([201, 409]).toContain(created.status());
    const windows: TrafficWindow[] = [];
    for (let minutesAgo = 40; minutesAgo >= 1; minutesAgo--) {
      // The till's stock lookups are quick; the web shop's reservations slowed down twenty minutes ago.
      windows.push(window({ minutesAgo, consumer: 'pos', operation: 'GET /stores/{storeId}/stock/{sku}', latencyMs: 18 + (minutesAgo % 5) }));
      windows.push(window({ minutesAgo, consumer: 'e-commerce', operation: 'POST /reservations', latencyMs: minutesAgo <= 20 ? 950 : 60, requests: 40 }));
      windows.push(window({ minutesAgo, consumer: KIOSK, operation: 'GET /stores/{storeId}/stock/{sku}', latencyMs: 35, requests: 15 }));
    }
    // One window per request, oldest first, as reporters send them: each is evaluated against the objective.
    for (const w of windows) expect([200, 202]).toContain((await request.post('/api/v1/traffic/windows', { headers: admin, data: w })).status());
  });

  test('colours edges by health in production and marks the use no subscription declares', async ({ page }) => {
    test.setTimeout(150_000);
    await page.goto('/landscape?domain=retail');
    await expect(page.getByRole('combobox', { name: 'Traffic' })).toHaveValue('prod');
    const drawing = page.getByRole('group', { name: /^Landscape of \d+ systems/ });
    await expect(drawing).toBeVisible({ timeout: 90_000 });
    // A straight line has no height, which Playwright calls hidden: the lines are counted instead.
    await expect(drawing.getByRole('link', { name: /^Point of Sale uses Inventory Stock API \(\d+ operations\), healthy; P95 \d+ ms, errors 0\.00 %$/ })).toHaveCount(1);
    await expect(drawing.getByRole('link', { name: /^Web Shop uses Inventory Stock API \(\d+ operations\), breaching its objective; P95 9\d\d ms, errors 0\.00 %; 1 open incident$/ })).toHaveCount(1);
    await expect(drawing.getByRole('link', { name: /^Self-Service Kiosk uses Inventory Stock API \(1 operation\), undeclared, healthy/ })).toHaveCount(1);
    const live = page.getByRole('complementary', { name: 'What the landscape shows' });
    await expect(live.getByRole('heading', { name: 'Live in prod' })).toBeVisible();
    await expect(live.getByRole('listitem').filter({ hasText: 'Web Shop → Inventory Stock API' })).toBeVisible();
    await expect(live.getByRole('listitem').filter({ hasText: 'Self-Service Kiosk → Inventory Stock API' })).toBeVisible();
    await expect(page.getByText('undeclared: seen in traffic only')).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'live-landscape');

    await page.getByRole('combobox', { name: 'Traffic' }).selectOption('declared');
    await expect(page).toHaveURL(/env=declared/);
    await expect(drawing.getByRole('link', { name: /^Self-Service Kiosk uses/ })).toHaveCount(0);
  });

  test('charts P95 and error rate of a contract against its objective, with its incidents and MTTR', async ({ page }) => {
    await page.goto('/contracts/inventory-stock-api/health');
    const panel = page.getByRole('region', { name: 'Health of inventory-stock-api' });
    await expect(panel.getByRole('img', { name: /^P95 latency: \d+ steps with traffic, \d+ over the objective of 500 ms$/ })).toBeVisible();
    await expect(panel.getByRole('img', { name: /^Error rate: \d+ steps with traffic, 0 over the objective/ })).toBeVisible();
    // Twenty slow minutes in a row: the latency objective's incident is open.
    await expect(panel.getByRole('row').filter({ hasText: 'P95 ≤ 500 ms' }).filter({ hasText: 'open' })).toBeVisible();
    await expect(panel.getByText('MTTR')).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, 'contract-health');

    await panel.getByRole('link', { name: 'Runbook' }).click();
    await expect(page).toHaveURL(/\/contracts\/inventory-stock-api\/runbook$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Runbook: Inventory Stock API' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Recent incidents' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Prometheus alerting rules' }).first()).toHaveAttribute('href', /\/api\/v1\/contracts\/inventory-stock-api\/slos\/\w+\/prometheus-rules$/);
    await expectAccessible(page);
    await screenshot(page, 'runbook');
  });

  test('shows the runbook of an undeclared edge from the landscape, and the provider system its health', async ({ page }) => {
    await page.goto('/landscape?domain=retail');
    const live = page.getByRole('complementary', { name: 'What the landscape shows' });
    await live.getByRole('link', { name: 'Self-Service Kiosk → Inventory Stock API' }).click();
    await expect(page).toHaveURL(new RegExp(`/systems/${KIOSK}/runbooks/inventory-stock-api$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Runbook: Self-Service Kiosk → Inventory Stock API' })).toBeVisible();
    await expect(page.getByText(/Undeclared: no approved subscription names this use/)).toBeVisible();
    await screenshot(page, 'edge-runbook');

    await page.goto('/systems/inventory');
    const health = page.getByRole('region', { name: 'Health', exact: true });
    // Inventory provides several contracts (other specs may add more): show the one with traffic.
    await health.getByLabel('Contract').selectOption({ label: 'Inventory Stock API' });
    await expect(health.getByRole('img', { name: /^P95 latency:/ })).toBeVisible();
    await screenshot(page, 'system-health');
  });
});
