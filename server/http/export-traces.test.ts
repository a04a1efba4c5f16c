import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { otlpTraceProto } from '../otlp/index.js';
import { exportSpans, recordCalls, type Call } from '../otlp/__fixtures__/export-spans.js';
import { setUpStockApi } from '../traffic/__fixtures__/stock-api-traffic.js';
import { createPostgresLocation, postgresUrl } from '../test-support/test-database.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

const HOUR_MS = 3_600_000;

/** Two consumers of stock-api: pos through a client span, erp through peer.service. */
const calls = (host: string, port: number): Call[] => [
  { consumer: 'pos', method: 'GET', host, port, path: '/inventory/stock/sku-1', status: 200, latencyMs: 12 },
  { consumer: 'pos', method: 'GET', host, port, path: '/inventory/stock/sku-2', status: 200, latencyMs: 14 },
  { consumer: 'pos', method: 'GET', host, port, path: '/inventory/stock/sku-3', status: 404, latencyMs: 9 },
  { consumer: 'erp', viaPeerService: true, method: 'POST', host, port, path: '/inventory/reservations', status: 201, latencyMs: 40 },
  { consumer: 'erp', viaPeerService: true, method: 'POST', host, port, path: '/inventory/reservations', status: 503, latencyMs: 30 },
  // Matches the host but no documented path: undocumented.
  { consumer: 'pos', method: 'GET', host, port, path: '/inventory/v2/stock', status: 200, latencyMs: 5 },
];

describe('OTLP/HTTP trace ingest at /v1/traces', () => {
  let server: TestServer;
  let trafficKey: string;
  let otherTeamKey: string;
  let readKey: string;

  const report = async (env: string) => {
    const now = Date.now();
    const range = `from=${new Date(now - HOUR_MS).toISOString()}&to=${new Date(now + HOUR_MS).toISOString()}`;
    const res = await server.json<any>('GET', `/api/v1/contracts/stock-api/traffic?env=${env}&${range}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const consumersOf = (body: any) => body.consumers.map((c: any) => [c.consumer, c.requests, c.errors]).sort();
  const operationsOf = (body: any) => body.operations.map((o: any) => [o.operation, o.documented, o.requests, o.errors, o.undocumented]);

  beforeAll(async () => {
    server = await startTestServer();
    ({ trafficKey } = await setUpStockApi(server, ['prod', 'staging', 'other']));
    for (const [environment, address] of [
      ['prod', 'http://stock.prod.test:8080/inventory'],
      ['staging', 'http://stock.staging.test:8080/inventory'],
      ['other', 'http://stock.other.test:8080/inventory'],
    ]) {
      const deployed = await server.json('POST', '/api/v1/contracts/stock-api/deployments', { environment, version: '1.0.0', address });
      expect(deployed.status).toBe(201);
    }
    await server.json('POST', '/api/v1/teams', { slug: 'store-platform', name: 'Store Platform' });
    otherTeamKey = (await server.json<{ key: string }>('POST', '/api/v1/api-keys', { name: 'collector', team: 'store-platform', scopes: ['traffic:write'] })).body.key;
    readKey = (await server.json<{ key: string }>('POST', '/api/v1/api-keys', { name: 'reader', team: 'supply-chain', scopes: ['contracts:read'] })).body.key;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('maps spans exported as gzipped protobuf by the OpenTelemetry SDK to operations and consumers', async () => {
    const result = await exportSpans(recordCalls(calls('stock.prod.test', 8080)), { url: server.url, key: trafficKey, encoding: 'protobuf', gzip: true });
    expect(result.error).toBeUndefined();
    expect(result.code).toBe(0);
    const body = await report('prod');
    expect(operationsOf(body)).toEqual([
      ['GET /stock/{sku}', true, 3, 0, 0],
      ['POST /reservations', true, 2, 1, 0],
      ['GET /inventory/v2/stock', false, 0, 0, 1],
    ]);
    expect(consumersOf(body)).toEqual([
      ['erp', 2, 1],
      ['pos', 3, 0],
    ]);
    expect(body.totals).toMatchObject({ requests: 5, errors: 1, undocumented: 1 });
    // Latency is end minus start: 9, 12, 14, 30 and 40 ms; the P95 rank falls on 40 ms.
    expect(body.totals.p95Ms).toBeGreaterThan(39);
    expect(body.totals.p95Ms).toBeLessThan(41);
    expect(body.recentUndocumented).toEqual([expect.objectContaining({ request: 'GET /inventory/v2/stock', consumer: 'pos', count: 1 })]);
  });

  it('maps spans exported as OTLP/JSON the same way', async () => {
    const result = await exportSpans(recordCalls(calls('stock.staging.test', 8080)), { url: server.url, key: trafficKey, encoding: 'json' });
    expect(result.code).toBe(0);
    const body = await report('staging');
    expect(consumersOf(body)).toEqual([
      ['erp', 2, 1],
      ['pos', 3, 0],
    ]);
    expect(body.totals).toMatchObject({ requests: 5, errors: 1, undocumented: 1 });
  });

  it('counts a batch sent again once, and answers it with an empty ExportTraceServiceResponse', async () => {
    const request = otlpTraceProto.request.fromObject({
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'inventory' } }] },
          scopeSpans: [{ spans: [serverSpan({ host: 'stock.other.test', path: '/inventory/stock/sku-9', peer: 'billing' })] }],
        },
      ],
    });
    const bytes = new Uint8Array(otlpTraceProto.request.encode(request).finish());
    for (let i = 0; i < 2; i++) {
      const res = await server.fetch('/v1/traces', { method: 'POST', headers: { authorization: `Bearer ${trafficKey}`, 'content-type': 'application/x-protobuf' }, body: bytes });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/x-protobuf/);
      expect(otlpTraceProto.response.toObject(otlpTraceProto.response.decode(new Uint8Array(await res.arrayBuffer())))).toEqual({});
    }
    expect(consumersOf(await report('other'))).toEqual([['billing', 1, 0]]);
  });

  it('maps by a deployment recorded after earlier exports: the matchers follow the deployments', async () => {
    expect((await server.json('POST', '/api/v1/environments', { slug: 'later', name: 'later' })).status).toBe(201);
    const send = async () => {
      const body = { resourceSpans: [{ scopeSpans: [{ spans: [jsonSpan({ host: 'stock.later.test', path: '/inventory/reservations', peer: 'pos', method: 'POST' })] }] }] };
      const res = await server.fetch('/v1/traces', { method: 'POST', headers: { authorization: `Bearer ${trafficKey}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(res.status).toBe(200);
      return res.json();
    };
    expect(await send()).toEqual({ partialSuccess: { rejectedSpans: '0', errorMessage: expect.stringContaining('1 server or messaging span matched no deployment') } });
    expect((await server.json('POST', '/api/v1/contracts/stock-api/deployments', { environment: 'later', version: '1.0.0', address: 'http://stock.later.test:8080/inventory' })).status).toBe(201);
    expect(await send()).toEqual({});
    expect(operationsOf(await report('later'))).toEqual([['POST /reservations', true, 1, 0, 0]]);
  });

  it('judges objectives at most every 10 s of span time: two failing batches a moment apart are one evaluation, not an incident', async () => {
    expect((await server.json('POST', '/api/v1/environments', { slug: 'slo', name: 'slo' })).status).toBe(201);
    expect((await server.json('POST', '/api/v1/contracts/stock-api/deployments', { environment: 'slo', version: '1.0.0', address: 'http://stock.slo.test:8080/inventory' })).status).toBe(201);
    expect((await server.json('PATCH', '/api/v1/contracts/stock-api/slos/slo', { errorRate: 0.05, windowSeconds: 60, openAfter: 2, resolveAfter: 2 })).status).toBe(200);
    const start = Date.now() - 60_000;
    const failing = async (at: number) => {
      const body = { resourceSpans: [{ scopeSpans: [{ spans: [jsonSpan({ host: 'stock.slo.test', path: '/inventory/stock/1', status: 500, at })] }] }] };
      const res = await server.fetch('/v1/traces', { method: 'POST', headers: { authorization: `Bearer ${trafficKey}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(res.status).toBe(200);
    };
    const open = async () => (await server.json<{ items: unknown[] }>('GET', '/api/v1/incidents?contract=stock-api&env=slo&open=true')).body.items;
    await failing(start);
    await failing(start + 50);
    expect(await open()).toEqual([]);
    await failing(start + 11_000);
    expect(await open()).toEqual([expect.objectContaining({ kind: 'errors', environment: 'slo' })]);
  });

  it('refuses spans of a contract whose team the key does not belong to, one by one, as a partial success', async () => {
    const body = { resourceSpans: [{ scopeSpans: [{ spans: [jsonSpan({ host: 'stock.other.test', path: '/inventory/stock/sku-1' }), jsonSpan({ host: 'nowhere.test', path: '/x' })] }] }] };
    const res = await server.fetch('/v1/traces', { method: 'POST', headers: { authorization: `Bearer ${otherTeamKey}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status).toBe(200);
    const answer = await res.json();
    expect(answer.partialSuccess.rejectedSpans).toBe('1');
    expect(answer.partialSuccess.errorMessage).toContain('contract "stock-api"');
    expect(answer.partialSuccess.errorMessage).toContain('1 server or messaging span matched no deployment');
  });

  it('refuses a key without traffic:write, and a request without a key, as problem+json', async () => {
    const spans = recordCalls(calls('stock.prod.test', 8080).slice(0, 1));
    expect((await exportSpans(spans, { url: server.url, key: readKey, encoding: 'json' })).code).toBe(1);
    const res = await server.fetch('/v1/traces', { method: 'POST', headers: { authorization: `Bearer ${readKey}`, 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({ code: 'forbidden', detail: expect.stringContaining('traffic:write') });
    const anonymous = await fetch(`${server.url}/v1/traces`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(anonymous.status).toBe(401);
  });

  it('answers garbage with a 400 that says what is wrong, and other media types with 415', async () => {
    const send = (contentType: string, body: Uint8Array<ArrayBuffer> | string, headers: Record<string, string> = {}) =>
      server.fetch('/v1/traces', { method: 'POST', headers: { authorization: `Bearer ${trafficKey}`, 'content-type': contentType, ...headers }, body });
    const garbage = await send('application/x-protobuf', new Uint8Array([0x0a, 0xff, 0xff, 0xff, 0x0f, 0x01]));
    expect(garbage.status).toBe(400);
    expect(await garbage.json()).toMatchObject({ code: 'malformed-otlp', detail: expect.stringContaining('not an OTLP ExportTraceServiceRequest') });
    const json = await send('application/json', '{"resourceSpans": ');
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({ code: 'malformed-otlp', detail: expect.stringContaining('JSON') });
    const wrongShape = await send('application/json', '{"resourceSpans": {}}');
    expect(await wrongShape.json()).toMatchObject({ code: 'malformed-otlp', detail: expect.stringContaining('resourceSpans must be an array') });
    const notGzip = await send('application/json', '{}', { 'content-encoding': 'gzip' });
    expect(notGzip.status).toBe(400);
    expect(await notGzip.json()).toMatchObject({ code: 'bad-request', detail: expect.stringContaining('not valid gzip') });
    const text = await send('text/plain', 'hello');
    expect(text.status).toBe(415);
    expect(await text.json()).toMatchObject({ code: 'unsupported-media-type', detail: expect.stringContaining('application/x-protobuf') });
    const brotli = await send('application/json', '{}', { 'content-encoding': 'br' });
    expect(brotli.status).toBe(415);
  });

  it('refuses a gzipped body that inflates past the limit without inflating it all', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
    const res = await server.fetch('/v1/traces', { method: 'POST', headers: { authorization: `Bearer ${trafficKey}`, 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: bomb });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'payload-too-large', detail: expect.stringContaining('inflates') });
  });
});

describe.skipIf(!postgresUrl)('OTLP/HTTP trace ingest on PostgreSQL', () => {
  it('maps spans exported as gzipped protobuf by the OpenTelemetry SDK, with two instances on one database', async () => {
    const owned = await createPostgresLocation();
    const servers: TestServer[] = [];
    try {
      servers.push(await startTestServer({ location: owned.location }));
      const { trafficKey } = await setUpStockApi(servers[0]!, ['prod']);
      servers.push(await startTestServer({ location: owned.location }));
      // The second instance built its matchers before the deployment existed; the fingerprint makes it see it.
      const before = await exportSpans(recordCalls(calls('stock.prod.test', 8080)), { url: servers[1]!.url, key: trafficKey, encoding: 'protobuf', gzip: true });
      expect(before.code).toBe(0);
      expect((await servers[0]!.json('POST', '/api/v1/contracts/stock-api/deployments', { environment: 'prod', version: '1.0.0', address: 'http://stock.prod.test:8080/inventory' })).status).toBe(201);
      expect((await exportSpans(recordCalls(calls('stock.prod.test', 8080)), { url: servers[1]!.url, key: trafficKey, encoding: 'protobuf', gzip: true })).code).toBe(0);
      const now = Date.now();
      const res = await servers[0]!.json<any>('GET', `/api/v1/contracts/stock-api/traffic?env=prod&from=${new Date(now - HOUR_MS).toISOString()}&to=${new Date(now + HOUR_MS).toISOString()}`);
      expect(res.body.totals).toMatchObject({ requests: 5, errors: 1, undocumented: 1 });
      expect(res.body.consumers.map((c: any) => [c.consumer, c.requests]).sort()).toEqual([
        ['erp', 2],
        ['pos', 3],
      ]);
    } finally {
      for (const server of servers) await server.close();
      await owned.cleanup();
    }
  });
});

let spanCounter = 0;
const nanos = (ms: number) => `${BigInt(Math.round(ms)) * 1_000_000n}`;

function jsonSpan({ host, path, peer, method = 'GET', status = 200, at = Date.now() }: { host: string; path: string; peer?: string; method?: string; status?: number; at?: number }) {
  const id = (++spanCounter).toString(16).padStart(16, '0');
  const start = at;
  return {
    traceId: id.repeat(2),
    spanId: id,
    name: `${method} ${path}`,
    kind: 2,
    startTimeUnixNano: nanos(start),
    endTimeUnixNano: nanos(start + 10),
    attributes: [
      { key: 'http.request.method', value: { stringValue: method } },
      { key: 'server.address', value: { stringValue: host } },
      { key: 'server.port', value: { intValue: '8080' } },
      { key: 'url.path', value: { stringValue: path } },
      { key: 'http.response.status_code', value: { intValue: status } },
      ...(peer ? [{ key: 'peer.service', value: { stringValue: peer } }] : []),
    ],
  };
}

/** The same span for protobufjs's `fromObject`, whose bytes fields take buffers. */
function serverSpan(options: Parameters<typeof jsonSpan>[0]) {
  const span = jsonSpan(options);
  return { ...span, traceId: Buffer.from(span.traceId, 'hex'), spanId: Buffer.from(span.spanId, 'hex') };
}
