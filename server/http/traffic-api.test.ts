import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { latencyBucketOf, type TrafficWindow } from '../shared/index.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

const stockApi = stringify({
  openapi: '3.1.0',
  info: { title: 'Stock API', version: '1.0.0' },
  paths: {
    '/stock/{sku}': { get: { operationId: 'getStock', responses: { '200': { description: 'stock level' } } } },
    '/reservations': { post: { operationId: 'reserve', responses: { '201': { description: 'reserved' } } } },
  },
});

let counter = 0;
const T0 = Date.parse('2026-12-07T10:00:00Z');

/** A window of `requests` requests to one operation, `errors` of them 500s, each taking `latencyMs`. */
function window({ at = T0, seconds = 10, operation = 'GET /stock/{sku}', consumer = 'pos', requests = 100, errors = 0, latencyMs = 20, environment = 'dev', id }: { at?: number; seconds?: number; operation?: string; consumer?: string; requests?: number; errors?: number; latencyMs?: number; environment?: string; id?: string } = {}): TrafficWindow {
  return {
    id: id ?? `window-${++counter}-${at}`,
    contract: 'stock-api',
    environment,
    version: '1.0.0',
    source: 'proxy',
    reporter: 'test:1',
    startedAt: new Date(at - seconds * 1000).toISOString(),
    endedAt: new Date(at).toISOString(),
    operations: [{ operation, consumer, requests, status: { '2xx': requests - errors, '5xx': errors }, transportErrors: 0, violations: 0, latency: [[latencyBucketOf(latencyMs), requests]], latencySumMs: requests * latencyMs }],
    violations: [],
    undocumented: [],
  };
}

describe('traffic windows through the REST API', () => {
  let server: TestServer;
  let trafficKey: string;
  let otherTeamKey: string;

  beforeAll(async () => {
    server = await startTestServer({ env: { ACCORD_TRAFFIC_RETENTION_DAYS: '3650' } });
    await server.json('POST', '/api/v1/teams', { slug: 'supply-chain', name: 'Supply Chain' });
    await server.json('POST', '/api/v1/teams', { slug: 'store-platform', name: 'Store Platform' });
    await server.json('POST', '/api/v1/systems', { slug: 'inventory', name: 'Inventory', team: 'supply-chain', domain: 'retail' });
    await server.json('POST', '/api/v1/contracts', { slug: 'stock-api', name: 'Stock API', system: 'inventory' });
    expect((await server.json('POST', '/api/v1/contracts/stock-api/versions', { version: '1.0.0', document: stockApi })).status).toBe(201);
    await server.json('POST', '/api/v1/environments', { slug: 'dev', name: 'Development' });
    trafficKey = (await server.json<{ key: string }>('POST', '/api/v1/api-keys', { name: 'proxy', team: 'supply-chain', scopes: ['traffic:write'] })).body.key;
    otherTeamKey = (await server.json<{ key: string }>('POST', '/api/v1/api-keys', { name: 'proxy', team: 'store-platform', scopes: ['traffic:write'] })).body.key;
  });
  afterAll(() => server?.close());

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
});
