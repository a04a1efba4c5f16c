import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page, Version, VersionSummary } from '../../registry/index.js';
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

afterAll(async () => {
  await server?.close();
});

describe('accord publish of a single-file document', () => {
  const orders = fixture('publish/orders-api.yaml');

  test('publishes the version named by info.version and exits 0', async () => {
    const run = await accord('publish', orders, '--contract', 'orders-api');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^orders-api 1\.0\.0 published 3 operations, sha256:/);
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
    expect(JSON.parse(run.stdout)).toMatchObject({ created: true, bundled: [], version: { contract: 'orders-api', version: '1.1.0', operationCount: 3 } });
    expect((await versionsOf('orders-api')).map((v) => v.version).sort()).toEqual(['1.0.0', '1.1.0']);
  });

  test('publishing to a contract that does not exist exits 1 with not-found', async () => {
    const run = await accord('publish', orders, '--contract', 'no-such-contract');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: not-found: .*no-such-contract/);
  });
});

describe('accord publish of a contract split over several files', () => {
  let published: Version;

  beforeAll(async () => {
    const run = await accord('publish', fixture('publish/order-events/asyncapi.yaml'), '--contract', 'order-events');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('order-events 2.1.0 published 2 operations');
    expect(run.stdout).toContain('bundled 3 referenced file(s): common/messages.yaml, common/schemas/customer.yaml, common/schemas/order.yaml');
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
    ['a reference that leaves the document’s folder', 'refusals/leaves-folder/openapi.yaml', /outside\.yaml leaves the document's folder .*leaves-folder; only files under it are bundled/],
    ['a remote reference', 'refusals/remote-ref/openapi.yaml', /the reference to https:\/\/example\.com\/schemas\/money\.yaml is remote; Accord bundles files under .* only and never fetches URLs/],
    ['a reference to a file that does not exist', 'refusals/missing-file/openapi.yaml', /the referenced file common\/money\.yaml does not exist/],
  ])('%s: exit 2 and nothing is sent', async (_case, file, message) => {
    const run = await accord('publish', fixture(file), '--contract', 'prices-api');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
    expect(await versionsOf('prices-api')).toEqual([]);
  });
});
