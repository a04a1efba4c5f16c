import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { setUpStockApi, stockApiWindow } from '../traffic/__fixtures__/stock-api-traffic.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

// Traffic is placed relative to the server's clock, a few minutes back, inside every look-back.
const seenAt = Date.now() - 10 * 60_000;

const stockApi = (paths: Record<string, unknown>, version: string) => stringify({ openapi: '3.1.0', info: { title: 'Stock API', version }, paths });
const getStock = { get: { operationId: 'getStock', responses: { '200': { description: 'stock level' } } } };
const reserve = { post: { operationId: 'reserve', responses: { '201': { description: 'reserved' } } } };

interface Finding {
  id: string;
  level: string;
  accepted?: string;
  message: string;
  operations: string[];
  consumers?: { consumer: string; team: string | null; declared: boolean; requests: number | null; lastSeenAt: string | null; operations: string[] }[];
}
interface CheckReport {
  verdict: string;
  findings: Finding[];
  usage: { gating: string; days: number; threshold: number; explanation: string | null };
  observedConsumers: { consumer: string; team: string | null; declared: boolean; operations: string[]; requests: number; lastSeenAt: string }[];
}

describe('observed usage, usage-aware verdicts and can-i-deploy through the REST API', () => {
  let server: TestServer;
  let trafficKey: string;
  const send = async (consumer: string, operation: string, requests: number) => {
    const res = await server.json('POST', '/api/v1/traffic/windows', stockApiWindow({ at: seenAt, environment: 'prod', consumer, operation, requests }), { token: trafficKey });
    expect(res.status).toBe(202);
  };
  const made = async <T = unknown>(method: string, path: string, body?: unknown) => {
    const res = await server.json<T>(method, `/api/v1${path}`, body);
    expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    return res.body;
  };
  const configure = (settings: { gating: string; days: number; threshold: number }) => made('PATCH', '/contracts/stock-api/usage/settings', settings);
  const breaking = (report: CheckReport, operation: string) => report.findings.find((f) => f.level === 'error' && f.operations.includes(operation));
  const check = (paths: Record<string, unknown>, version: string) => made<CheckReport>('POST', '/contracts/stock-api/checks', { version, document: stockApi(paths, version) });

  beforeAll(async () => {
    server = await startTestServer();
    ({ trafficKey } = await setUpStockApi(server, ['prod']));
    await made('POST', '/teams', { slug: 'store-ops', name: 'Store Operations' });
    for (const slug of ['pos', 'kiosk', 'web']) await made('POST', '/systems', { slug, name: slug, team: 'store-ops', domain: 'retail' });
    for (const consumer of ['pos', 'kiosk']) {
      const { id } = await made<{ id: string }>('POST', '/contracts/stock-api/subscriptions', { consumer, range: '^1.0.0', operations: ['GET /stock/{sku}'] });
      await made('POST', `/subscriptions/${id}/approve`);
    }
    // pos calls what it subscribed to; web reserves without a subscription; a synthetic monitor reserves too.
    await send('pos', 'GET /stock/{sku}', 120);
    await send('web', 'POST /reservations', 5);
    await send('synthetic-monitor', 'POST /reservations', 50);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('refuses to exclude a consumer without a reason, and audits an exclusion with one', async () => {
    const refused = await server.json<{ code: string; errors: { pointer: string }[] }>('POST', '/api/v1/contracts/stock-api/usage/exclusions', { consumer: 'synthetic-monitor', reason: '  ' });
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((e) => e.pointer)).toContain('/reason');
    const settings = await made<{ exclusions: { consumer: string; reason: string }[] }>('POST', '/contracts/stock-api/usage/exclusions', { consumer: 'synthetic-monitor', reason: 'uptime probe, not a client' });
    expect(settings.exclusions).toEqual([expect.objectContaining({ consumer: 'synthetic-monitor', reason: 'uptime probe, not a client' })]);
    const audit = await made<{ items: { action: string; summary: Record<string, unknown> }[] }>('GET', '/audit?targetType=contract&targetId=stock-api');
    expect(audit.items.find((e) => e.action === 'contract.usage-consumer-excluded')?.summary).toEqual({ consumer: 'synthetic-monitor', reason: 'uptime probe, not a client' });
  });

  it('reports operation × consumer counts with last-seen times, shadow consumers and silent subscriptions', async () => {
    const usage = await made<{
      operations: { operation: string; consumer: string; requests: number; lastSeenAt: string; environments: string[]; declared: boolean }[];
      shadowConsumers: { consumer: string; team: string | null; operations: string[]; requests: number }[];
      silentSubscriptions: { consumer: string; range: string; operations: string[] }[];
      excluded: { consumer: string; requests: number }[];
    }>('GET', '/contracts/stock-api/usage?days=7');
    expect(usage.operations).toEqual([
      { operation: 'GET /stock/{sku}', consumer: 'pos', requests: 120, lastSeenAt: new Date(seenAt).toISOString(), environments: ['prod'], declared: true },
      { operation: 'POST /reservations', consumer: 'web', requests: 5, lastSeenAt: new Date(seenAt).toISOString(), environments: ['prod'], declared: false },
    ]);
    expect(usage.shadowConsumers).toEqual([{ consumer: 'web', team: 'store-ops', operations: ['POST /reservations'], requests: 5, lastSeenAt: new Date(seenAt).toISOString() }]);
    expect(usage.silentSubscriptions).toEqual([expect.objectContaining({ consumer: 'kiosk', range: '^1.0.0', operations: ['GET /stock/{sku}'] })]);
    expect(usage.excluded).toEqual([expect.objectContaining({ consumer: 'synthetic-monitor', requests: 50 })]);
  });

  it('names on each finding the declared and the observed consumers it reaches', async () => {
    await configure({ gating: 'standard', days: 30, threshold: 1 });
    const report = await check({ '/stock/{sku}': getStock }, '1.1.0');
    expect(report.verdict).toBe('fail');
    const removed = breaking(report, 'POST /reservations');
    expect(removed?.consumers).toEqual([{ consumer: 'web', team: 'store-ops', declared: false, requests: 5, lastSeenAt: new Date(seenAt).toISOString(), operations: ['POST /reservations'] }]);
    expect(report.observedConsumers.map((c) => c.consumer)).toEqual(['web']);
    expect(report.usage).toEqual({ gating: 'standard', days: 30, threshold: 1, explanation: null });
  });

  it('under usage-aware gating fails a breaking change naming the consumers it hits and their teams', async () => {
    await configure({ gating: 'usage-aware', days: 14, threshold: 1 });
    const report = await check({ '/reservations': reserve }, '1.1.0');
    expect(report.verdict).toBe('fail');
    expect(breaking(report, 'GET /stock/{sku}')?.consumers?.map((c) => [c.consumer, c.declared, c.requests])).toEqual([
      ['kiosk', true, null],
      ['pos', true, 120],
    ]);
    expect(report.usage.explanation).toContain('pos (team store-ops, subscribed, last seen');
    expect(report.usage.explanation).toContain('kiosk (team store-ops, subscribed)');
  });

  it('under usage-aware gating passes a breaking change no consumer uses above the threshold, saying so', async () => {
    await configure({ gating: 'usage-aware', days: 14, threshold: 1 });
    await made('PATCH', '/contracts/stock-api/usage/settings', { threshold: 10 });
    const report = await check({ '/stock/{sku}': getStock }, '1.1.0');
    expect(report.verdict).not.toBe('fail');
    expect(breaking(report, 'POST /reservations')).toMatchObject({ accepted: 'unused' });
    expect(report.usage).toEqual({ gating: 'usage-aware', days: 14, threshold: 10, explanation: expect.stringContaining('1 breaking change no declared or observed consumer uses (14 days, at least 10 requests)') });
    const audit = await made<{ items: { action: string; summary: Record<string, unknown> }[] }>('GET', '/audit?targetType=contract&targetId=stock-api');
    expect(audit.items.find((e) => e.action === 'contract.usage-configured')?.summary).toEqual({ before: { gating: 'usage-aware', days: 14, threshold: 1 }, after: { gating: 'usage-aware', days: 14, threshold: 10 } });
  });

  it('allows removing an operation after its sunset only when no traffic calls it', async () => {
    await configure({ gating: 'standard', days: 30, threshold: 1 });
    const retiring = { post: { ...reserve.post, deprecated: true, 'x-sunset': '2026-01-01' } };
    await made('POST', '/contracts/stock-api/versions', { version: '1.1.0', document: stockApi({ '/stock/{sku}': getStock, '/reservations': retiring }, '1.1.0') });
    const called = await check({ '/stock/{sku}': getStock }, '1.2.0');
    const removal = called.findings.find((f) => f.id === 'operation-removed-after-sunset');
    expect(removal).toMatchObject({ level: 'error' });
    expect(removal?.message).toContain('observed traffic still calls it in the last 30 days: web (5 requests');
    expect(called.verdict).toBe('fail');
    await made('POST', '/contracts/stock-api/usage/exclusions', { consumer: 'web', reason: 'the web shop was switched off' });
    const quiet = await check({ '/stock/{sku}': getStock }, '1.2.0');
    expect(quiet.findings.find((f) => f.id === 'operation-removed-after-sunset')).toMatchObject({ level: 'info' });
    await made('POST', '/contracts/stock-api/usage/exclusions/withdraw', { consumer: 'web' });
  });

  it('answers can-i-deploy for a provider and for a consumer from deployments, subscriptions and traffic', async () => {
    await configure({ gating: 'standard', days: 30, threshold: 1 });
    const ask = (question: unknown) => made<{ answer: string; reasons: { answer: string; consumer: string | null; message: string }[] }>('POST', '/can-i-deploy', question);
    await made('POST', '/contracts/stock-api/deployments', { environment: 'prod', version: '1.0.0', address: 'https://stock.example.com' });
    expect((await ask({ contract: 'stock-api', version: '9.9.9', environment: 'prod' })).answer).toBe('unknown');
    await made('POST', '/contracts/stock-api/versions', { version: '2.0.0', document: stockApi({ '/reservations': reserve }, '2.0.0') });
    const provider = await ask({ contract: 'stock-api', version: '2.0.0', environment: 'prod' });
    expect(provider.answer).toBe('no');
    expect(provider.reasons.filter((r) => r.answer === 'no').map((r) => r.consumer)).toEqual(['kiosk', 'pos']);
    expect(provider.reasons.find((r) => r.consumer === 'web')).toMatchObject({ answer: 'yes' });
    expect((await ask({ system: 'pos', environment: 'prod' })).answer).toBe('yes');
    // The pipeline form: the address stays what the environment had.
    const deployed = await made<{ address: string; version: string }>('POST', '/contracts/stock-api/deployments', { environment: 'prod', version: '2.0.0' });
    expect(deployed).toMatchObject({ version: '2.0.0', address: 'https://stock.example.com' });
    const consumer = await ask({ system: 'web', environment: 'prod' });
    expect(consumer).toMatchObject({ answer: 'yes' });
    const stale = await ask({ system: 'pos', environment: 'prod' });
    expect(stale.answer).toBe('no');
    expect(stale.reasons[0]!.message).toContain('outside the range ^1.0.0 pos subscribes to');
  });

  it('answers the same through GraphQL: usage on the contract, settings, findings and can-i-deploy', async () => {
    const gql = async <T>(query: string, variables: Record<string, unknown> = {}) => {
      const res = await server.json<{ data: T; errors?: unknown[] }>('POST', '/graphql', { query, variables });
      expect(res.body.errors).toBeUndefined();
      return res.body.data;
    };
    const { configureUsage } = await gql<{ configureUsage: { gating: string; days: number } }>('mutation { configureUsage(contract: "stock-api", patch: { gating: usage_aware, days: 7 }) { gating days } }');
    expect(configureUsage).toEqual({ gating: 'usage_aware', days: 7 });
    const { contract } = await gql<{ contract: { usage: { shadowConsumers: { consumer: string }[]; silentSubscriptions: { consumer: string }[] }; usageSettings: { exclusions: { consumer: string }[] } } }>(
      '{ contract(slug: "stock-api") { usage(days: 7, environment: "prod") { shadowConsumers { consumer } silentSubscriptions { consumer } } usageSettings { exclusions { consumer } } } }',
    );
    expect(contract.usage.shadowConsumers.map((c) => c.consumer)).toEqual(['web']);
    expect(contract.usage.silentSubscriptions.map((c) => c.consumer)).toEqual(['kiosk']);
    expect(contract.usageSettings.exclusions.map((e) => e.consumer)).toEqual(['synthetic-monitor']);
    const { runCheck } = await gql<{ runCheck: { verdict: string; usage: { gating: string; explanation: string }; findings: { level: string; operations: string[]; consumers: { consumer: string; declared: boolean }[] }[] } }>(
      'mutation($document: String!) { runCheck(input: { contract: "stock-api", version: "1.3.0", document: $document }) { verdict usage { gating explanation } findings { level operations consumers { consumer declared } } } }',
      { document: stockApi({ '/reservations': reserve }, '1.3.0') },
    );
    expect(runCheck.usage.gating).toBe('usage_aware');
    expect(runCheck.findings.find((f) => f.operations.includes('GET /stock/{sku}') && f.level === 'error')?.consumers).toEqual([
      { consumer: 'kiosk', declared: true },
      { consumer: 'pos', declared: true },
    ]);
    const { canIDeploy } = await gql<{ canIDeploy: { answer: string; reasons: { consumer: string | null }[] } }>('{ canIDeploy(system: "pos", environment: "prod") { answer reasons { consumer } } }');
    expect(canIDeploy.answer).toMatch(/^(yes|no|unknown)$/);
    await configure({ gating: 'standard', days: 30, threshold: 1 });
  });

  it('requires an address for the first deployment of a contract in an environment', async () => {
    await made('POST', '/environments', { slug: 'staging', name: 'Staging' });
    const res = await server.json<{ errors: { pointer: string }[] }>('POST', '/api/v1/contracts/stock-api/deployments', { environment: 'staging', version: '1.0.0' });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e) => e.pointer)).toEqual(['/address']);
  });
});
