import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import type { Subscription } from '../../registry/index.js';
import { accordTestRegistry } from '../../test-support/accord-test-registry.js';

const stockApi = stringify({ openapi: '3.1.0', info: { title: 'Stock', version: '1.0.0' }, paths: { '/stock': { get: { operationId: 'getStock', responses: { '200': { description: 'ok' } } } } } });
const registry = accordTestRegistry({
  teams: ['store-platform'],
  systems: ['inventory', 'pos', 'loyalty'].map((slug) => ({ slug, team: 'store-platform' })),
  contracts: [{ slug: 'inventory-stock-api', system: 'inventory' }],
  versions: [{ contract: 'inventory-stock-api', version: '1.0.0', document: stockApi }],
  environments: [{ slug: 'prod', rank: 30 }],
});
const { accord } = registry;

describe('accord subscribe and accord subscriptions', () => {
  let id: string;

  test('subscribe requests a subscription; approve decides it; ls lists it', async () => {
    const requested = await accord('subscribe', 'inventory-stock-api', '--consumer', 'pos', '--range', '^1', '--operation', 'GET /stock', '--json');
    expect(requested.stderr).toBe('');
    expect(requested.code).toBe(0);
    const subscription = JSON.parse(requested.stdout) as Subscription;
    expect(subscription).toMatchObject({ contract: 'inventory-stock-api', consumer: 'pos', range: '^1', status: 'requested', operations: ['GET /stock'] });
    id = subscription.id;
    const approved = await accord('subscriptions', 'approve', id, '--note', 'welcome');
    expect(approved.code).toBe(0);
    expect(approved.stdout).toBe(`${id}  approved  pos uses inventory-stock-api ^1: GET /stock\n`);
    const listed = await accord('subscriptions', 'ls', 'inventory-stock-api', '--status', 'approved');
    expect(listed.stdout).toMatch(/^ID\s+CONSUMER\s+RANGE\s+STATUS/);
    expect(listed.stdout).toContain(id);
  });

  test('an operation the contract does not have is refused with the problem, exit 1', async () => {
    // Another consumer: pos holds ^1 already, and an overlapping range would be refused first.
    const run = await accord('subscribe', 'inventory-stock-api', '--consumer', 'loyalty', '--range', '^1', '--operation', 'DELETE /stock');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: [a-z-]+: .*DELETE \/stock/s);
  });

  test('revoke ends the subscription', async () => {
    const run = await accord('subscriptions', 'revoke', id, '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ id, status: 'revoked' });
  });
});

describe('accord deploy', () => {
  test('records a deployment of a published version', async () => {
    const run = await accord('deploy', 'inventory-stock-api', '1.0.0', '--env', 'prod', '--address', 'https://stock.example.com');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('inventory-stock-api 1.0.0 deployed to prod at https://stock.example.com\n');
    const { body } = await registry.server.json<{ items: { version: string; environment: string }[] }>('GET', '/api/v1/contracts/inventory-stock-api/deployments');
    expect(body.items[0]).toMatchObject({ version: '1.0.0', environment: 'prod' });
  });

  test('a version that was never published is refused with the problem, and --json prints it', async () => {
    const run = await accord('deploy', 'inventory-stock-api', '9.9.9', '--env', 'prod', '--address', 'https://stock.example.com', '--json');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'unknown-reference', status: 422 } });
    expect(run.stderr).toContain('9.9.9');
  });
});
