import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { startWebhookReceiver, type WebhookReceiver } from '../notify/__fixtures__/webhook-receiver.js';
import { LATENCY_RELATIVE_ERROR } from '../shared/index.js';
import { setUpStockApi, stockApiWindow, type WindowOptions } from '../traffic/__fixtures__/stock-api-traffic.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

const T0 = Date.parse('2026-12-07T10:00:00Z');
const window = (options: Partial<WindowOptions> = {}) => stockApiWindow({ at: T0, ...options });

const eventually = <T>(check: () => Promise<T> | T) => vi.waitFor(check, { timeout: 20_000, interval: 25 });
const iso = (ms: number) => new Date(ms).toISOString();

describe('traffic windows through the REST API', () => {
  let server: TestServer;
  let trafficKey: string;
  let otherTeamKey: string;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    server = await startTestServer({ env: { ACCORD_TRAFFIC_RETENTION_DAYS: '3650', ACCORD_WEBHOOK_ALLOW_PRIVATE: 'true', ACCORD_WEBHOOK_POLL_MS: '50' } });
    ({ trafficKey } = await setUpStockApi(server, ['dev', 'stats', 'prod', 'flaky']));
    await server.json('POST', '/api/v1/teams', { slug: 'store-platform', name: 'Store Platform' });
    otherTeamKey = (await server.json<{ key: string }>('POST', '/api/v1/api-keys', { name: 'proxy', team: 'store-platform', scopes: ['traffic:write'] })).body.key;
  });
  afterAll(async () => {
    await server?.close();
    await receiver?.close();
  });

  it('accepts a window once and answers a resend of it as a duplicate', async () => {
    const sent = window();
    const first = await server.json('POST', '/api/v1/traffic/windows', sent, { token: trafficKey });
    expect(first).toMatchObject({ status: 202, body: { id: sent.id, status: 'accepted' } });
    const again = await server.json('POST', '/api/v1/traffic/windows', sent, { token: trafficKey });
    expect(again).toMatchObject({ status: 200, body: { id: sent.id, status: 'duplicate' } });
  });

  it('refuses a window id received before with other content', async () => {
    const sent = window();
    expect((await server.json('POST', '/api/v1/traffic/windows', sent, { token: trafficKey })).status).toBe(202);
    const clash = await server.json<{ code: string; errors: { pointer: string }[] }>('POST', '/api/v1/traffic/windows', { ...sent, reporter: 'someone-else' }, { token: trafficKey });
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({ code: 'traffic-window-conflict', errors: [{ pointer: '/id' }] });
  });

  it('takes a batch in one request, counting only the windows it has not seen', async () => {
    const seen = window();
    await server.json('POST', '/api/v1/traffic/windows', seen, { token: trafficKey });
    const fresh = window();
    const batch = await server.json('POST', '/api/v1/traffic/windows', { windows: [seen, fresh] }, { token: trafficKey });
    expect(batch).toMatchObject({ status: 202, body: { status: 'accepted', windows: [{ id: seen.id, status: 'duplicate' }, { id: fresh.id, status: 'accepted' }] } });
  });

  it('refuses an unknown environment by pointing at it, and a batch of more than 100 windows', async () => {
    const unknown = await server.json<{ code: string; errors: { pointer: string }[] }>('POST', '/api/v1/traffic/windows', { windows: [window(), window({ environment: 'nowhere' })] }, { token: trafficKey });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: 'unknown-reference', errors: [{ pointer: '/windows/1/environment' }] });
    const tooMany = await server.json('POST', '/api/v1/traffic/windows', { windows: Array.from({ length: 101 }, () => window()) }, { token: trafficKey });
    expect(tooMany.status).toBe(422);
  });

  it("refuses a traffic key of another team: reporting traffic belongs to the contract's owners", async () => {
    const refused = await server.json('POST', '/api/v1/traffic/windows', window(), { token: otherTeamKey });
    expect(refused.status).toBe(403);
  });

  it('sums windows into totals, per operation and per consumer, with an exact error rate and sketched percentiles', async () => {
    const at = Date.parse('2026-12-01T12:00:00Z');
    const sent = [
      window({ environment: 'stats', at, requests: 1000, errors: 7, latencyMs: 20 }),
      window({ environment: 'stats', at: at + 10_000, requests: 1000, errors: 3, latencyMs: 20, consumer: 'erp' }),
      window({ environment: 'stats', at: at + 20_000, operation: 'post /reservations', requests: 100, errors: 0, latencyMs: 400 }),
      window({
        environment: 'stats',
        at: at + 30_000,
        operation: 'GET /v2/stock',
        requests: 5,
        latencyMs: 5,
        extra: {
          violations: [{ operation: 'GET /stock/{sku}', consumer: 'pos', pointer: '/response/body/quantity', rule: 'response-body-schema', message: 'must be integer', count: 2, sample: '{"quantity":"ten"}' }],
          undocumented: [{ request: 'DELETE /stock', consumer: 'pos', count: 3 }],
        },
      }),
    ];
    expect((await server.json('POST', '/api/v1/traffic/windows', { windows: sent }, { token: trafficKey })).status).toBe(202);
    const report = await server.json<any>('GET', `/api/v1/contracts/stock-api/traffic?env=stats&from=${iso(at - 60_000)}&to=${iso(at + 60_000)}`);
    expect(report.status).toBe(200);
    const { totals, operations, consumers } = report.body;
    expect(totals).toMatchObject({ requests: 2105, errors: 10, violations: 0, undocumented: 8 });
    expect(totals.errorRate).toBe(10 / 2105);
    // 2005 of 2105 requests took 5 or 20 ms: the P95 rank (2000) is among the 20 ms ones, the P99 among the 400 ms ones.
    expect(Math.abs(totals.p95Ms - 20) / 20).toBeLessThanOrEqual(LATENCY_RELATIVE_ERROR + 1e-9);
    expect(Math.abs(totals.p99Ms - 400) / 400).toBeLessThanOrEqual(LATENCY_RELATIVE_ERROR + 1e-9);
    // `post /reservations` is the documented `POST /reservations`; `GET /v2/stock` is not in the version.
    expect(operations.map((o: any) => [o.operation, o.documented, o.requests, o.undocumented])).toEqual([
      ['GET /stock/{sku}', true, 2000, 0],
      ['POST /reservations', true, 100, 0],
      ['GET /v2/stock', false, 5, 5],
      ['DELETE /stock', false, 0, 3],
    ]);
    expect(consumers.map((c: any) => [c.consumer, c.requests, c.errors])).toEqual([
      ['pos', 1105, 7],
      ['erp', 1000, 3],
    ]);
    expect(report.body.series.points.reduce((sum: number, p: any) => sum + p.requests, 0)).toBe(2105);
    expect(report.body.recentViolations).toEqual([expect.objectContaining({ rule: 'response-body-schema', pointer: '/response/body/quantity', count: 2 })]);
    expect(report.body.recentUndocumented).toEqual([expect.objectContaining({ request: 'DELETE /stock', count: 3 })]);
  });

  it("keeps a broker listener's seen, validated and dropped messages beside its requests, so a lagging listener is never a silent loss", async () => {
    const at = Date.parse('2026-12-01T15:00:00Z');
    const listened = (n: number, messages: { seen: number; validated: number; dropped: number }) => {
      const sent = window({ environment: 'stats', at: at + n * 10_000, requests: messages.validated });
      return { ...sent, source: 'listener' as const, operations: sent.operations.map((o) => ({ ...o, messages })) };
    };
    const sent = [listened(0, { seen: 100, validated: 100, dropped: 0 }), listened(1, { seen: 500, validated: 320, dropped: 180 })];
    expect((await server.json('POST', '/api/v1/traffic/windows', { windows: sent }, { token: trafficKey })).status).toBe(202);
    const report = await server.json<any>('GET', `/api/v1/contracts/stock-api/traffic?env=stats&from=${iso(at - 60_000)}&to=${iso(at + 60_000)}`);
    expect(report.body.totals).toMatchObject({ requests: 420, messages: { seen: 600, validated: 420, dropped: 180 } });
    expect(report.body.operations).toEqual([expect.objectContaining({ operation: 'GET /stock/{sku}', messages: { seen: 600, validated: 420, dropped: 180 } })]);
    // Traffic of a proxy has no messages to speak of.
    const proxied = await server.json<any>('GET', `/api/v1/contracts/stock-api/traffic?env=stats&from=${iso(at - 3 * 3_600_000)}&to=${iso(at - 60_000)}`);
    expect(proxied.body.totals.requests).toBeGreaterThan(0);
    expect(proxied.body.totals).not.toHaveProperty('messages');
  });

  it('opens one incident after consecutive breaching windows, not for one slow window, and resolves it after healthy ones', async () => {
    const webhook = await server.json<{ secret: string }>('POST', '/api/v1/systems/inventory/webhooks', { url: `${receiver.url}/incidents`, events: ['incident.opened', 'incident.resolved'] });
    expect(webhook.status).toBe(201);
    const slo = await server.json('PATCH', '/api/v1/contracts/stock-api/slos/prod', { p95Ms: 100, errorRate: 0.05, windowSeconds: 10, openAfter: 2, resolveAfter: 2 });
    expect(slo).toMatchObject({ status: 200, body: { source: 'configured', p95Ms: 100, errorRate: 0.05, windowSeconds: 10 } });
    const start = Date.parse('2026-12-02T08:00:00Z');
    const at = (n: number) => start + n * 10_000;
    const send = (n: number, options: Parameters<typeof window>[0]) => server.json('POST', '/api/v1/traffic/windows', window({ environment: 'prod', at: at(n), ...options }), { token: trafficKey });
    await send(1, {});
    await send(2, { latencyMs: 900 }); // one slow window: one breaching evaluation, no incident
    await send(3, {});
    expect((await server.json<any>('GET', '/api/v1/incidents?contract=stock-api&env=prod')).body.items).toEqual([]);
    // An outage: three windows of 50 % errors (from at(3) to at(6)), seen by the consumer pos.
    for (const n of [4, 5, 6]) await send(n, { errors: 50 });
    const open = await server.json<any>('GET', '/api/v1/incidents?contract=stock-api&env=prod&open=true');
    expect(open.body.items).toEqual([expect.objectContaining({ kind: 'errors', openedAt: iso(at(3)), resolvedAt: null, consumers: ['pos'], threshold: 0.05, worst: 0.5 })]);
    for (const n of [7, 8, 9]) await send(n, {});
    const all = await server.json<any>('GET', '/api/v1/incidents?contract=stock-api&env=prod');
    expect(all.body.items).toEqual([expect.objectContaining({ kind: 'errors', openedAt: iso(at(3)), resolvedAt: iso(at(6)), durationMs: 30_000 })]);
    const mttr = await server.json<any>('GET', `/api/v1/contracts/stock-api/mttr?env=prod&from=${iso(start)}&to=${iso(at(100))}`);
    expect(mttr.body).toMatchObject({ overall: { incidents: 1, mttrMs: 30_000 }, edges: [{ environment: 'prod', consumer: 'pos', provider: 'inventory', incidents: 1, mttrMs: 30_000 }] });
    await eventually(() => expect(receiver.at('/incidents').map((r) => r.event.type)).toEqual(['dev.accord.incident.opened', 'dev.accord.incident.resolved']));
    const resolved = receiver.at('/incidents')[1]!.event;
    expect(resolved).toMatchObject({ subject: 'stock-api', data: { audience: 'owner', contract: 'stock-api', environment: 'prod', kind: 'errors', durationMs: 30_000, affectedConsumers: ['pos'] } });
  });

  it('opens one incident when the windows of a breach arrive at once', async () => {
    await server.json('PATCH', '/api/v1/contracts/stock-api/slos/flaky', { windowSeconds: 10, openAfter: 1, resolveAfter: 1 });
    const start = Date.parse('2026-12-03T08:00:00Z');
    const breach = [1, 2, 3].map((n) => window({ environment: 'flaky', at: start + n * 10_000, errors: 90, consumer: `c${n}` }));
    await Promise.all(breach.map((w) => server.json('POST', '/api/v1/traffic/windows', w, { token: trafficKey })));
    const open = await server.json<any>('GET', '/api/v1/incidents?contract=stock-api&env=flaky&open=true');
    expect(open.body.items).toHaveLength(1);
  });

  it('generates Prometheus burn-rate alerts and a Grafana dashboard from the objective', async () => {
    const rules = await server.fetch('/api/v1/contracts/stock-api/slos/prod/prometheus-rules');
    expect(rules.headers.get('content-type')).toMatch(/^application\/yaml/);
    const parsed = parse(await rules.text()) as { groups: { name: string; rules: { alert: string; expr: string; labels: Record<string, string> }[] }[] };
    const alerts = parsed.groups[0]!.rules;
    expect(alerts.filter((r) => r.alert === 'AccordErrorBudgetBurn').map((r) => [r.labels.long_window, r.labels.short_window, r.labels.severity])).toEqual([
      ['1h', '5m', 'page'],
      ['6h', '30m', 'page'],
      ['1d', '2h', 'ticket'],
      ['3d', '6h', 'ticket'],
    ]);
    expect(alerts.find((r) => r.alert === 'AccordErrorBudgetBurn')!.expr).toContain('accord_requests_total{contract="stock-api",environment="prod",status_class=~"5xx|transport_error"}[1h]');
    // The objective of 100 ms falls on the histogram's 0.1 s bucket.
    expect(alerts.find((r) => r.alert === 'AccordLatencyBudgetBurn')!.expr).toContain('accord_request_duration_seconds_bucket{contract="stock-api",environment="prod",le="0.1"}');
    expect(alerts.map((r) => r.alert)).toEqual(expect.arrayContaining(['AccordP95LatencyAboveObjective', 'AccordContractViolations', 'AccordUndocumentedRequests']));
    const dashboard = await server.json<any>('GET', '/api/v1/contracts/stock-api/slos/prod/grafana-dashboard');
    expect(dashboard.body.panels.map((p: any) => p.title)).toEqual(expect.arrayContaining(['Request rate by operation', 'Error rate (5xx and transport errors)', 'P95 latency', 'P95 latency by operation']));
    expect(JSON.stringify(dashboard.body)).toContain('histogram_quantile(0.95, sum by (le) (rate(accord_request_duration_seconds_bucket{contract=\\"stock-api\\",environment=\\"prod\\"}');
  });

  it('answers the installation default objective where a contract set none', async () => {
    const slo = await server.json('GET', '/api/v1/contracts/stock-api/slos/dev');
    expect(slo).toMatchObject({ status: 200, body: { source: 'default', p95Ms: 500, errorRate: 0.01, windowSeconds: 300 } });
  });
});
