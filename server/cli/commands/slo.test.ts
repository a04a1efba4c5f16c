import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { setUpStockApi, stockApiWindow } from '../../traffic/__fixtures__/stock-api-traffic.js';
import { accordTestRegistry } from '../../test-support/accord-test-registry.js';

// Traffic an hour ago, with an outage of three windows that the objective below turns into one incident.
const start = Date.now() - 3_600_000;
const at = (n: number) => start + n * 10_000;

const registry = accordTestRegistry({}, async ({ server }) => {
  const { trafficKey } = await setUpStockApi(server, ['prod']);
  const slo = await server.json('PATCH', '/api/v1/contracts/stock-api/slos/prod', { windowSeconds: 10, openAfter: 2, resolveAfter: 2 });
  expect(slo.status).toBe(200);
  const windows = [0, 1, 2, 3, 4, 5, 6, 7].map((n) => stockApiWindow({ environment: 'prod', at: at(n), errors: n >= 2 && n <= 4 ? 50 : 0 }));
  for (const w of windows) expect((await server.json('POST', '/api/v1/traffic/windows', w, { token: trafficKey })).status).toBe(202);
});
const { accord } = registry;

describe('accord slo', () => {
  test("show prints the contract's objective in words, and set changes only what it is given", async () => {
    const set = await accord('slo', 'set', 'stock-api', '--env', 'prod', '--p95', '250ms', '--error-rate', '2%');
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain('P95 ≤ 250 ms, error rate ≤ 2%, evaluated over 10 s');
    expect(set.stdout).toContain('an incident opens after 2 breaching evaluations and resolves after 2 healthy ones');
    const shown = await accord('slo', 'show', 'stock-api', '--env', 'prod', '--json');
    expect(JSON.parse(shown.stdout)).toMatchObject({ source: 'configured', p95Ms: 250, errorRate: 0.02, windowSeconds: 10, openAfter: 2 });
    // Who set it is named as a person reads it, not by an id.
    const said = await accord('slo', 'show', 'stock-api', '--env', 'prod');
    expect(said.stdout).toMatch(/set by API key "[^"]+"/);
    expect(said.stdout).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  test('refuses settings it cannot read, saying which option and what it takes, exit 2', async () => {
    for (const [option, value, said] of [
      ['--error-rate', 'lots', /--error-rate takes a share of requests such as 1% or 0.01; got "lots"/],
      ['--open-after', '0', /--open-after takes a count of evaluations/],
      ['--p95', 'fast', /--p95 takes a duration/],
    ] as const) {
      const run = await accord('slo', 'set', 'stock-api', '--env', 'prod', option, value);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(said);
    }
    const noEnv = await accord('slo', 'show', 'stock-api');
    expect(noEnv.code).toBe(2);
    expect(noEnv.stderr).toMatch(/--env is required/);
  });

  test('traffic, incidents and mttr show what the registry made of the windows', async () => {
    const traffic = await accord('slo', 'traffic', 'stock-api', '--env', 'prod', '--from', new Date(at(-1)).toISOString(), '--to', new Date(at(8)).toISOString());
    expect(traffic.code, traffic.stderr).toBe(0);
    expect(traffic.stdout).toMatch(/800 requests, error rate 18\.75%/);
    expect(traffic.stdout).toMatch(/GET \/stock\/\{sku\}\s+800\s+150/);

    const incidents = await accord('slo', 'incidents', 'stock-api', '--json');
    const items = JSON.parse(incidents.stdout) as { kind: string; resolvedAt: string | null; durationMs: number }[];
    expect(items).toEqual([expect.objectContaining({ kind: 'errors', durationMs: 30_000 })]);
    const table = await accord('slo', 'incidents', 'stock-api');
    expect(table.stdout).toMatch(/^CONTRACT\s+ENV\s+KIND/);
    expect(table.stdout).toMatch(/stock-api\s+prod\s+errors.*\s30s\s+50%\s+pos/);

    const mttr = await accord('slo', 'mttr', 'stock-api', '--from', new Date(at(-1)).toISOString());
    expect(mttr.stdout).toMatch(/1 resolved incident, MTTR 30s/);
    expect(mttr.stdout).toMatch(/prod\s+pos → inventory\s+1\s+30s/);
  });

  test('alerts prints Prometheus rules and dashboard a Grafana dashboard, ready to load', async () => {
    const alerts = await accord('slo', 'alerts', 'stock-api', '--env', 'prod');
    expect(alerts.code, alerts.stderr).toBe(0);
    expect((parse(alerts.stdout) as { groups: unknown[] }).groups.length).toBeGreaterThan(0);
    const dashboard = await accord('slo', 'dashboard', 'stock-api', '--env', 'prod');
    expect(JSON.parse(dashboard.stdout)).toHaveProperty('panels');
  });
});
