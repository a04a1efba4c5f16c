import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import type { Contract, Page, Version, VersionSummary } from '../../registry/index.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { refsIn } from '../__fixtures__/refs-in.js';
import { fixture, runAccord } from '../__fixtures__/run-accord.js';

let server: TestServer;
const accord = (...args: string[]) => runAccord(args, { server: server.url });

async function createContract(slug: string, name: string) {
  const { status } = await server.json('POST', '/api/v1/contracts', { slug, name, system: 'order-service' });
  expect(status).toBe(201);
}

const versionsOf = async (contract: string) => (await server.json<Page<VersionSummary>>('GET', `/api/v1/contracts/${contract}/versions`)).body.items;

beforeAll(async () => {
  server = await startTestServer();
  await server.json('POST', '/api/v1/teams', { slug: 'checkout', name: 'Checkout' });
  await server.json('POST', '/api/v1/systems', { slug: 'order-service', name: 'Order Service', team: 'checkout', domain: 'retail' });
  for (const [slug, name] of [
    ['orders-api', 'Orders API'],
    ['order-events', 'Order Events'],
    ['prices-api', 'Prices API'],
  ]) {
    await createContract(slug!, name!);
  }
});

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'accord-publish-'));
});

afterAll(async () => {
  await server?.close();
  await rm(scratch, { recursive: true, force: true });
});

/** Writes a one-operation stock API whose response has the given properties, and returns its path. */
async function stockApi(version: string, properties: Record<string, object>): Promise<string> {
  const file = join(scratch, `stock-${version}.yaml`);
  const response = { description: 'ok', content: { 'application/json': { schema: { type: 'object', required: Object.keys(properties), properties } } } };
  await writeFile(file, stringify({ openapi: '3.1.0', info: { title: 'Stock Levels', version }, paths: { '/stock': { get: { operationId: 'getStock', responses: { '200': response } } } } }));
  return file;
}

describe('accord publish of a single-file document', () => {
  const orders = fixture('publish/orders-api.yaml');

  test('publishes the version named by info.version and exits 0', async () => {
    const run = await accord('publish', orders, '--contract', 'orders-api');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^orders-api 1\.0\.0 published 3 operations, sha256:/);
    // The document breaks nothing; the shipped ruleset may still warn about it.
    expect(run.stdout).toMatch(/^(PASS|WARN): 0 breaking/m);
    const { body } = await server.json<Version>('GET', '/api/v1/contracts/orders-api/versions/1.0.0');
    expect(body.operations.map((o) => o.key)).toEqual(['GET /orders', 'POST /orders', 'GET /orders/{orderId}']);
  });

  test('the document is stored exactly as written', async () => {
    const { body } = await server.json<Version>('GET', '/api/v1/contracts/orders-api/versions/1.0.0');
    expect(body.source).toBe(await readFile(orders, 'utf8'));
  });

  test('publishing the same document again exits 0 and says it was already published', async () => {
    const run = await accord('publish', orders, '--contract', 'orders-api');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('orders-api 1.0.0 already published with identical content');
    expect(await versionsOf('orders-api')).toHaveLength(1);
  });

  test('publishing the same version with other content exits 1 with the problem version-conflict', async () => {
    const run = await accord('publish', fixture('publish/orders-api-edited.yaml'), '--contract', 'orders-api');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: version-conflict: version 1\.0\.0 of "orders-api" already exists with different content/);
    expect(run.stderr).toContain('/version already published with other content');
  });

  test('with --json the rejection is printed as a problem on stdout', async () => {
    const run = await accord('publish', fixture('publish/orders-api-edited.yaml'), '--contract', 'orders-api', '--json');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'version-conflict', status: 409 } });
    expect(run.stderr).toContain('version-conflict');
  });

  test('--version overrides info.version, and --json reports what was created', async () => {
    const run = await accord('publish', fixture('publish/orders-api-edited.yaml'), '--contract', 'orders-api', '--version', '1.1.0', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ created: true, bundled: [], version: { contract: 'orders-api', version: '1.1.0', operationCount: 3 }, verdict: expect.stringMatching(/^(pass|warn)$/), summary: { error: 0 } });
    expect((await versionsOf('orders-api')).map((v) => v.version).sort()).toEqual(['1.0.0', '1.1.0']);
  });

  test('publishing to a contract that does not exist exits 1 with not-found', async () => {
    const run = await accord('publish', orders, '--contract', 'no-such-contract');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: not-found: .*no-such-contract/);
  });
});

test('a document of several megabytes is sent in chunks and stored byte for byte', async () => {
  // Over UPLOAD_PROGRESS_BYTES: the client streams it (with progress on a terminal) instead of one buffer.
  const paths = Object.fromEntries(Array.from({ length: 1_500 }, (_, i) => [`/stock/${i}/{sku}`, { get: { operationId: `getStock${i}`, description: 'x'.repeat(1_500), parameters: [{ name: 'sku', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'ok' } } } }]));
  const file = join(scratch, 'large-stock.yaml');
  await writeFile(file, stringify({ openapi: '3.1.0', info: { title: 'Large stock', version: '1.0.0' }, paths }));
  const written = await readFile(file, 'utf8');
  expect(written.length).toBeGreaterThan(2_000_000);
  await createContract('large-stock', 'Large stock');
  const run = await accord('publish', file, '--contract', 'large-stock');
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toMatch(/^large-stock 1\.0\.0 published 1500 operations/);
  const { body } = await server.json<Version>('GET', '/api/v1/contracts/large-stock/versions/1.0.0');
  expect(body.source).toBe(written);
});

describe('accord publish of a contract split over several files', () => {
  let published: Version;

  beforeAll(async () => {
    const run = await accord('publish', fixture('publish/order-events/asyncapi.yaml'), '--contract', 'order-events');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('order-events 2.1.0 published 2 operations');
    expect(run.stdout).toContain('bundled 3 referenced files: common/messages.yaml, common/schemas/customer.yaml, common/schemas/order.yaml');
    published = (await server.json<Version>('GET', '/api/v1/contracts/order-events/versions/latest')).body;
  });

  test('the server receives one self-contained document', () => {
    expect(published.version).toBe('2.1.0');
    expect(refsIn(published.document).filter((ref) => !ref.startsWith('#'))).toEqual([]);
    expect(published.source).not.toContain('./common/');
  });

  test('the reference cycle across two files is kept as a reference inside the document', () => {
    const doc = published.document as { channels: Record<string, { messages: Record<string, { payload: { properties: Record<string, { properties: Record<string, unknown> }> } }> }> };
    const order = doc.channels.orderPlaced!.messages.OrderPlaced!.payload;
    expect(order.properties.customer!.properties.previousOrder).toEqual({ $ref: '#/channels/orderPlaced/messages/OrderPlaced/payload' });
  });

  test('the operation index lists every operation with the messages from the referenced files', () => {
    expect(published.operations.map((o) => ({ key: o.key, messages: 'messages' in o ? o.messages : undefined }))).toEqual([
      { key: 'send orders.placed', messages: ['OrderPlaced'] },
      { key: 'send orders.cancelled', messages: ['OrderCancelled'] },
    ]);
  });

  test('with --json the bundled files are listed', async () => {
    const run = await accord('publish', fixture('publish/order-events/asyncapi.yaml'), '--contract', 'order-events', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      created: false,
      bundled: ['common/messages.yaml', 'common/schemas/customer.yaml', 'common/schemas/order.yaml'],
      version: { version: '2.1.0' },
    });
  });
});

describe('accord publish refuses to bundle', () => {
  test.each([
    // Within the repository the file would be bundled; a reference root of the document's own folder excludes it.
    ['a reference that leaves the reference root', 'refusals/leaves-folder/openapi.yaml', ['--ref-root', fixture('refusals/leaves-folder')], /the reference to .*outside\.yaml leaves .*leaves-folder; only files under it are bundled/],
    ['a remote reference', 'refusals/remote-ref/openapi.yaml', [], /the reference to https:\/\/example\.com\/schemas\/money\.yaml is remote; Accord bundles files under .* only and never fetches URLs/],
    ['a reference to a file that does not exist', 'refusals/missing-file/openapi.yaml', [], /the referenced file \S*common\/money\.yaml does not exist/],
  ])('%s: exit 2 and nothing is sent', async (_case, file, options, message) => {
    const run = await accord('publish', fixture(file), '--contract', 'prices-api', ...options);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
    expect(await versionsOf('prices-api')).toEqual([]);
  });
});

describe('accord publish reports the findings a version is published with', () => {
  const v1 = { id: { type: 'string' }, quantity: { type: 'integer', maximum: 10 }, memo: { type: 'string' } };

  test('--system creates a contract that does not exist yet and says so', async () => {
    const run = await accord('publish', await stockApi('1.0.0', v1), '--contract', 'stock-api', '--system', 'order-service');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^created contract stock-api for system order-service\nstock-api 1\.0\.0 published 1 operation, sha256:/);
    const { body } = await server.json<Contract>('GET', '/api/v1/contracts/stock-api');
    expect(body).toMatchObject({ name: 'Stock Levels', system: 'order-service', latestVersion: '1.0.0' });
  });

  test('--system for a contract of another system is refused before anything is published', async () => {
    const run = await accord('publish', await stockApi('1.0.1', v1), '--contract', 'orders-api', '--system', 'stock-service');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('contract orders-api already exists and belongs to system order-service');
  });

  test('a published version with warnings lists them under its verdict', async () => {
    const run = await accord('publish', await stockApi('1.1.0', { ...v1, quantity: { type: 'integer', maximum: 20 } }), '--contract', 'stock-api', '--system', 'order-service');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('created contract');
    expect(run.stdout).toMatch(/^warn  response-max-increased  /m);
    expect(run.stdout).toMatch(/^WARN: 0 breaking, .*[1-9]\d* warnings?/m);
  });

  test('a new major lists the breaking changes it was allowed to make', async () => {
    const { memo: _memo, ...v2 } = v1;
    const run = await accord('publish', await stockApi('2.0.0', v2), '--contract', 'stock-api');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ok    response-property-removed  required response property "memo" was removed/m);
    expect(run.stdout).toMatch(/1 breaking \(1 accepted\)/);
  });

  test('a blocked publish prints the findings that blocked it in the format asked for, and exits 1', async () => {
    const run = await accord('publish', await stockApi('2.1.0', { id: { type: 'string' } }), '--contract', 'stock-api', '--format', 'markdown');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^❌ \*\*FAIL: 1 breaking/);
    expect(run.stdout).toContain('| `response-property-removed` | required response property "quantity" was removed');
    expect(run.stderr).toMatch(/^error: publish-blocked: /);
    expect((await versionsOf('stock-api')).map((v) => v.version)).not.toContain('2.1.0');
  });

  test('--format json prints the report alone on stdout and the summary on stderr', async () => {
    const run = await accord('publish', await stockApi('2.0.0', { id: { type: 'string' }, quantity: { type: 'integer', maximum: 10 } }), '--contract', 'stock-api', '--format', 'json');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('stock-api 2.0.0 already published with identical content');
    expect(JSON.parse(run.stdout)).toMatchObject({ verdict: 'warn', contract: 'stock-api', version: '2.0.0', created: false, findings: expect.arrayContaining([expect.objectContaining({ id: 'response-property-removed', accepted: expect.any(String) })]) });
  });
});
