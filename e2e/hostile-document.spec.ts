import { expect, screenshot, test } from './fixtures.js';

const HOSTILE = [
  '<script>window.__accordPwned = "script"</script>',
  '<img src="x" onerror="window.__accordPwned = \'img\'">',
  '[click me](javascript:window.__accordPwned="link")',
  '[data](data:text/html,<script>window.__accordPwned="data"</script>)',
  '![tracker](https://tracker.example/pixel.png)',
  '<iframe src="https://evil.example/"></iframe>',
  '<a href="javascript:window.__accordPwned=\'raw link\'">raw</a>',
  '[a safe link](https://example.com/docs)',
].join('\n\n');

const hostileDocument = JSON.stringify({
  openapi: '3.1.0',
  info: { title: 'Hostile descriptions', version: '1.0.0', description: HOSTILE },
  paths: {
    '/things/{id}': {
      get: {
        operationId: 'getThing',
        summary: '<b onmouseover="window.__accordPwned=1">summary</b>',
        description: HOSTILE,
        parameters: [{ name: 'id', in: 'path', required: true, description: HOSTILE, schema: { type: 'string' } }],
        responses: { '200': { description: HOSTILE, content: { 'application/json': { schema: { type: 'object', description: HOSTILE, properties: { name: { type: 'string', description: HOSTILE } } } } } } },
      },
    },
  },
});

test('a contract whose descriptions carry scripts, handlers and javascript: links runs none of them', async ({ page, admin }) => {
  const slug = `hostile-${Date.now()}`;
  const created = await admin.post('/api/v1/contracts', { data: { slug, name: 'Hostile descriptions', system: 'inventory' } });
  expect(created.status(), await created.text()).toBe(201);
  const published = await admin.post(`/api/v1/contracts/${slug}/versions`, { data: { version: '1.0.0', document: hostileDocument } });
  expect(published.status(), await published.text()).toBe(201);

  await page.goto(`/contracts/${slug}`);
  const docs = page.locator('.document-view');
  await expect(docs.getByRole('heading', { name: /GET \/things\/\{id\}/ })).toBeVisible();
  // The markup is shown as text, not obeyed.
  await expect(docs.getByText('<script>window.__accordPwned = "script"</script>').first()).toBeVisible();
  for (const link of await docs.getByRole('link', { name: /click me|raw|data/ }).all()) expect(await link.getAttribute('href')).toBeNull();
  const hrefs = await docs.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(hrefs.length).toBeGreaterThan(0);
  expect(hrefs.every((href) => /^(https?:|mailto:)/.test(href ?? ''))).toBe(true);
  await expect(docs.locator('script, img, iframe, [onerror], [onmouseover]')).toHaveCount(0);
  // Hover and click everything that might carry a handler.
  await docs.getByText('summary').first().hover();
  await expect(docs.getByRole('link', { name: 'click me' })).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __accordPwned?: unknown }).__accordPwned)).toBeUndefined();
  await screenshot(page, 'contract-hostile');
  // The fixture fails the test on any dialog and on any request to another host (the tracker pixel).
});
