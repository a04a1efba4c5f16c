import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import type { Subscription } from '../../registry/index.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { seedOrdersRegistry } from '../__fixtures__/orders-registry.js';
import { fixture, runAccord } from '../__fixtures__/run-accord.js';

let server: TestServer;
let subscription: Subscription;
const accord = (...args: string[]) => runAccord(args, { server: server.url });

beforeAll(async () => {
  server = await startTestServer();
  ({ subscription } = await seedOrdersRegistry(server));
});

afterAll(async () => {
  await server?.close();
});

describe('accord get', () => {
  test('get contract prints its fields one per line', async () => {
    const run = await accord('get', 'contract', 'orders-api');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines).toContain('slug: orders-api');
    expect(lines).toContain('system: order-service');
    expect(lines).toContain('team: checkout');
    expect(lines).toContain('latestVersion: 1.1.0');
    expect(lines).toContain('tags: orders, rest');
    expect(lines).toContain('sunsetAt: ');
  });

  test('get contract --json prints the contract', async () => {
    const run = await accord('get', 'contract', 'orders-api', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ slug: 'orders-api', name: 'Orders API', kind: 'openapi', lifecycle: 'draft', latestVersion: '1.1.0' });
  });

  test('get version prints a summary and the operations', async () => {
    const run = await accord('get', 'version', 'orders-api', '1.0.0');
    expect(run.code).toBe(0);
    const [title, published, ...operations] = run.stdout.trimEnd().split('\n');
    expect(title).toBe('orders-api 1.0.0  Orders API  (openapi 3.0.3)');
    expect(published).toMatch(/^published \d{4}-\d\d-\d\dT[\d:.]+Z by \S+, \d+ bytes, sha256:[0-9a-f]{64}$/);
    expect(operations).toEqual(['  GET /orders  — List the orders of the calling customer', '  POST /orders  — Place an order', '  GET /orders/{orderId}  — Get one order']);
  });

  test('get version without a version shows the latest, and --json leaves the documents out', async () => {
    const run = await accord('get', 'version', 'orders-api', '--json');
    expect(run.code).toBe(0);
    const version = JSON.parse(run.stdout);
    expect(version).toMatchObject({ contract: 'orders-api', version: '1.1.0', specKind: 'openapi', operationCount: 3 });
    expect(version).not.toHaveProperty('document');
    expect(version).not.toHaveProperty('source');
  });

  test('get version latest --source prints the document as published', async () => {
    const run = await accord('get', 'version', 'orders-api', 'latest', '--source');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(await readFile(fixture('publish/orders-api-edited.yaml'), 'utf8'));
  });

  test('get version --document prints the document as JSON', async () => {
    const run = await accord('get', 'version', 'orders-api', '1.0.0', '--document');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(parse(await readFile(fixture('publish/orders-api.yaml'), 'utf8')));
  });

  test('get team, system and environment print the resource', async () => {
    const [team, system, environment] = await Promise.all([
      accord('get', 'team', 'checkout'),
      accord('get', 'system', 'storefront', '--json'),
      accord('get', 'environment', 'prod', '--json'),
    ]);
    expect(team.code).toBe(0);
    expect(team.stdout.split('\n')).toEqual(expect.arrayContaining(['slug: checkout', 'name: Checkout']));
    expect(JSON.parse(system.stdout)).toMatchObject({ slug: 'storefront', team: 'web-shop', domain: 'retail' });
    expect(JSON.parse(environment.stdout)).toEqual({ slug: 'prod', name: 'Production', rank: 3, description: '' });
  });

  test('get subscription prints the subscription by id', async () => {
    const run = await accord('get', 'subscription', subscription.id);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toEqual(expect.arrayContaining([`id: ${subscription.id}`, 'consumer: storefront', 'status: requested', 'operations: GET /orders/{orderId}']));
  });

  test('get of something that does not exist exits 1 with not-found, as a problem with --json', async () => {
    const [text, json] = await Promise.all([accord('get', 'contract', 'no-such-api'), accord('get', 'version', 'orders-api', '9.9.9', '--json')]);
    expect(text.code).toBe(1);
    expect(text.stderr).toMatch(/^error: not-found: .*"no-such-api"/);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { code: 'not-found', status: 404 } });
  });

  test('get without an id, or of an unknown kind of thing, exits 2', async () => {
    const [missing, unknown] = await Promise.all([accord('get', 'contract'), accord('get', 'widget', 'w-1')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('accord get contract <slug>');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^error: cannot get "widget"/);
  });
});

test('the source of a version can be published again unchanged', async () => {
  const source = await accord('get', 'version', 'orders-api', '1.0.0', '--source');
  const { status } = await server.json('POST', '/api/v1/contracts/orders-api/versions', { version: '1.0.0', document: source.stdout });
  expect(status).toBe(200);
});
