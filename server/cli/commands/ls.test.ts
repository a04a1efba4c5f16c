import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Contract, System, VersionSummary } from '../../registry/index.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { seedOrdersRegistry } from '../__fixtures__/orders-registry.js';
import { runAccord } from '../__fixtures__/run-accord.js';

let server: TestServer;
const accord = (...args: string[]) => runAccord(args, { server: server.url });

beforeAll(async () => {
  server = await startTestServer();
  await seedOrdersRegistry(server);
});

afterAll(async () => {
  await server?.close();
});

describe('accord ls', () => {
  test('lists contracts by default, as a table', async () => {
    const run = await accord('ls');
    expect(run.code).toBe(0);
    const [header, ...rows] = run.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^SLUG\s+KIND\s+LIFECYCLE\s+LATEST\s+SYSTEM\s+TEAM\s+NAME$/);
    expect(rows).toHaveLength(2);
    expect(rows).toContainEqual(expect.stringMatching(/^orders-api\s+openapi\s+draft\s+1\.1\.0\s+order-service\s+checkout\s+Orders API$/));
    expect(rows).toContainEqual(expect.stringMatching(/^payments-api\s+draft\s+order-service\s+checkout\s+Payments API$/));
  });

  test('ls contracts --json prints the contracts as JSON', async () => {
    const run = await accord('ls', 'contracts', '--json');
    expect(run.code).toBe(0);
    const contracts: Contract[] = JSON.parse(run.stdout);
    expect(contracts.map((c) => [c.slug, c.latestVersion]).sort()).toEqual([
      ['orders-api', '1.1.0'],
      ['payments-api', null],
    ]);
  });

  test('filters are passed to the registry', async () => {
    const run = await accord('ls', 'contracts', '--kind', 'openapi', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).map((c: Contract) => c.slug)).toEqual(['orders-api']);
  });

  test('a limited listing says there is more, and --all follows every page', async () => {
    const [limited, all] = await Promise.all([accord('ls', 'contracts', '--limit', '1'), accord('ls', 'contracts', '--limit', '1', '--all', '--json')]);
    expect(limited.code).toBe(0);
    expect(limited.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(limited.stderr).toContain('(more results: use --all or --limit)');
    expect(all.code).toBe(0);
    expect(JSON.parse(all.stdout)).toHaveLength(2);
    expect(all.stderr).toBe('');
  });

  test('ls versions lists the versions of one contract', async () => {
    const run = await accord('ls', 'versions', 'orders-api');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^VERSION\s+SPEC\s+OPERATIONS\s+PUBLISHED\s+BY\s+HASH$/m);
    expect(run.stdout).toMatch(/^1\.0\.0\s+openapi 3\.0\.3\s+3\s+\d{4}-\d\d-\d\dT[\d:.]+Z\s+\S+\s+sha256:/m);
    expect(run.stdout).toMatch(/^1\.1\.0\s+openapi 3\.0\.3\s+3\s/m);
  });

  test('ls versions --json prints the version summaries', async () => {
    const run = await accord('ls', 'versions', 'orders-api', '--json');
    expect(run.code).toBe(0);
    const versions: VersionSummary[] = JSON.parse(run.stdout);
    expect(versions.map((v) => [v.version, v.operationCount]).sort()).toEqual([
      ['1.0.0', 3],
      ['1.1.0', 3],
    ]);
  });

  test('ls versions of a contract that does not exist exits 1', async () => {
    const run = await accord('ls', 'versions', 'no-such-api');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: not-found: .*no-such-api/);
  });

  test('ls teams lists the teams', async () => {
    const run = await accord('ls', 'teams');
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n')).toEqual([expect.stringMatching(/^SLUG\s+NAME$/), expect.stringMatching(/^checkout\s+Checkout$/), expect.stringMatching(/^web-shop\s+Web Shop$/)]);
  });

  test('ls systems --team lists the systems of that team', async () => {
    const run = await accord('ls', 'systems', '--team', 'web-shop', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).map((s: System) => [s.slug, s.team, s.domain])).toEqual([['storefront', 'web-shop', 'retail']]);
  });

  test('ls subscriptions lists who subscribed to a contract', async () => {
    const run = await accord('ls', 'subscriptions', 'orders-api');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ID\s+CONSUMER\s+RANGE\s+STATUS\s+OPERATIONS$/m);
    expect(run.stdout).toMatch(/^\S+\s+storefront\s+\^1\.0\.0\s+requested\s+GET \/orders\/\{orderId\}$/m);
  });

  test('ls environments lists them in promotion order', async () => {
    const [table, json] = await Promise.all([accord('ls', 'environments'), accord('ls', 'environments', '--json')]);
    expect(table.code).toBe(0);
    expect(table.stdout.trimEnd().split('\n')).toEqual([expect.stringMatching(/^SLUG\s+RANK\s+NAME$/), expect.stringMatching(/^staging\s+2\s+Staging$/), expect.stringMatching(/^prod\s+3\s+Production$/)]);
    expect(JSON.parse(json.stdout)).toEqual([
      { slug: 'staging', name: 'Staging', rank: 2, description: '' },
      { slug: 'prod', name: 'Production', rank: 3, description: '' },
    ]);
  });

  test('ls deployments shows which version runs in which environment', async () => {
    const [table, json] = await Promise.all([accord('ls', 'deployments'), accord('ls', 'deployments', '--json')]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^CONTRACT\s+STAGING\s+PROD$/m);
    expect(table.stdout).toMatch(/^orders-api\s+—\s+1\.0\.0$/m);
    const matrix = JSON.parse(json.stdout);
    expect(matrix.rows.find((r: { contract: string }) => r.contract === 'orders-api').deployments.prod).toMatchObject({ version: '1.0.0', address: 'https://orders.example.com/v1' });
  });

  test('ls versions without a contract exits 2', async () => {
    const run = await accord('ls', 'versions');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error: name the contract: accord ls versions <contract>');
  });

  test('ls of something that cannot be listed exits 2', async () => {
    const run = await accord('ls', 'widgets');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: cannot list "widgets"/);
  });
});
