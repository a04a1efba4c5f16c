import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { latencyBucketOf } from '../../shared/index.js';
import { accordTestRegistry } from '../../test-support/accord-test-registry.js';

const ok = { responses: { '200': { description: 'ok' } } };
const ledger = (version: string, paths: Record<string, unknown>) => stringify({ openapi: '3.1.0', info: { title: 'Ledger', version }, paths });
const both = { '/entries': { get: ok }, '/balance': { get: ok } };
const seenAt = Date.now() - 5 * 60_000;
let counter = 0;
const window = (consumer: string, operation: string) => ({
  id: `cli-window-${process.pid}-${++counter}`,
  contract: 'ledger-api',
  environment: 'prod',
  version: '1.0.0',
  source: 'proxy',
  reporter: 'cli-test',
  startedAt: new Date(seenAt - 10_000).toISOString(),
  endedAt: new Date(seenAt).toISOString(),
  operations: [{ operation, consumer, requests: 40, status: { '2xx': 40 }, latency: [[latencyBucketOf(15), 40]] }],
});

const registry = accordTestRegistry(
  {
    teams: ['payments', 'analytics'],
    systems: [
      { slug: 'ledger', team: 'payments', domain: 'banking' },
      { slug: 'reporting', team: 'analytics', domain: 'banking' },
      { slug: 'dashboard', team: 'analytics', domain: 'banking' },
    ],
    contracts: [{ slug: 'ledger-api', system: 'ledger' }],
    versions: [{ contract: 'ledger-api', version: '1.0.0', document: ledger('1.0.0', both) }],
    environments: [{ slug: 'prod', rank: 3 }],
  },
  async ({ post }) => {
    const { id } = await post<{ id: string }>('/contracts/ledger-api/subscriptions', { consumer: 'reporting', range: '^1.0.0', operations: ['GET /entries'] });
    await post(`/subscriptions/${id}/approve`, {});
    // The dashboard reads the balance without having subscribed.
    await post('/traffic/windows', { windows: [window('reporting', 'GET /entries'), window('dashboard', 'GET /balance')] });
  },
);
const { accord } = registry;

describe('accord deployed, can-i-deploy and usage', () => {
  test('refuses a question that names neither side, before asking', async () => {
    const run = await accord('can-i-deploy', '--contract', 'ledger-api');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--to is required');
  });

  test('records a deployment from a pipeline, keeping the address only once the environment has one', async () => {
    const first = await accord('deployed', '--contract', 'ledger-api', '--version', '1.0.0', '--env', 'prod');
    expect(first.code).toBe(1);
    expect(first.stderr).toContain('/address');
    expect((await accord('deployed', '--contract', 'ledger-api', '--version', '1.0.0', '--env', 'prod', '--address', 'https://ledger.example.com')).code).toBe(0);
    const again = await accord('deployed', '--contract', 'ledger-api', '--version', '1.0.0', '--env', 'prod', '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ version: '1.0.0', address: 'https://ledger.example.com' });
  });

  test('exits 0 for yes, 1 for no naming the consumer, 2 when it cannot tell', async () => {
    const unpublished = await accord('can-i-deploy', '--contract', 'ledger-api', '--version', '3.0.0', '--to', 'prod');
    expect(unpublished.code).toBe(2);
    expect(unpublished.stdout).toContain('Cannot tell');
    await registry.post('/contracts/ledger-api/versions', { version: '2.0.0', document: ledger('2.0.0', { '/entries': { get: ok } }) });
    const provider = await accord('can-i-deploy', '--contract', 'ledger-api', '--version', '2.0.0', '--to', 'prod');
    expect(provider.code).toBe(1);
    expect(provider.stdout).toMatch(/^No: deploying ledger-api 2.0.0 to prod/);
    expect(provider.stdout).toMatch(/✗ dashboard \(observed 40 requests in 30 days, last [^)]+\) is broken by 1.0.0 → 2.0.0/);
    expect(provider.stdout).toMatch(/✓ reporting \(subscribed, observed 40 requests/);
    const consumer = await accord('can-i-deploy', '--system', 'dashboard', '--to', 'prod');
    expect(consumer.code).toBe(0);
    expect(consumer.stdout).toContain('Yes: deploying dashboard to prod');
  });

  test('accord check names the consumers each finding affects, declared and observed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'accord-usage-'));
    try {
      const file = join(dir, 'ledger.yaml');
      await writeFile(file, ledger('1.1.0', { '/entries': { get: ok } }));
      const run = await accord('check', file, '--contract', 'ledger-api', '--version', '1.1.0');
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/affects dashboard \(team analytics, 40 requests, last \S+\)/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('lists observed usage with shadow consumers, and excludes a consumer only with a reason', async () => {
    const report = await accord('usage', 'ledger-api');
    expect(report.code).toBe(0);
    expect(report.stdout).toMatch(/GET \/entries\s+reporting\s+40\s+\S+\s+yes\s+prod/);
    expect(report.stdout).toContain('dashboard (team analytics): 40 requests to GET /balance');
    const noReason = await accord('usage', 'exclude', 'ledger-api', 'dashboard');
    expect(noReason.code).toBe(2);
    const excluded = await accord('usage', 'exclude', 'ledger-api', 'dashboard', '--reason', 'an internal screen being retired');
    expect(excluded.code).toBe(0);
    expect(excluded.stdout).toContain('excluded dashboard: an internal screen being retired');
    const settings = await accord('usage', 'settings', 'ledger-api', '--gating', 'usage-aware', '--threshold', '5', '--json');
    expect(JSON.parse(settings.stdout)).toMatchObject({ gating: 'usage-aware', threshold: 5, days: 30 });
  });
});
