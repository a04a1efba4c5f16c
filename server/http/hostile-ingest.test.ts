import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileCases, type HostileCase } from '../spec/__fixtures__/hostile/corpus.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

let server: TestServer;
let sentinel: Server;
let sentinelUrl: string;
let sentinelHits = 0;

beforeAll(async () => {
  // Anything that tries to follow a reference to this server is a failure of safe ingest.
  sentinel = createServer((_req, res) => {
    sentinelHits++;
    res.end('{}');
  });
  sentinel.on('connection', () => sentinelHits++);
  await new Promise<void>((resolve) => sentinel.listen(0, '127.0.0.1', resolve));
  sentinelUrl = `http://127.0.0.1:${(sentinel.address() as AddressInfo).port}`;
  server = await startTestServer();
  await server.json('POST', '/api/v1/teams', { slug: 'red-team', name: 'Red team' });
  await server.json('POST', '/api/v1/systems', { slug: 'attacker', name: 'Attacker', team: 'red-team', domain: 'security' });
});
afterAll(async () => {
  await server?.close();
  sentinel?.close();
});

/** References aimed at the local sentinel, in places each parser might follow them. */
function sentinelCases(): HostileCase[] {
  const openapi = (schema: object) =>
    JSON.stringify({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/x': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema } } } } } } } });
  const asyncapi = (payload: object) =>
    JSON.stringify({ asyncapi: '2.6.0', info: { title: 't', version: '1' }, channels: { c: { subscribe: { message: { payload } } } } });
  const reject = { status: 422, code: 'external-ref' };
  return [
    { name: 'sentinel-openapi-schema', description: 'OpenAPI schema $ref to a local HTTP server', expect: reject, body: () => Buffer.from(openapi({ $ref: `${sentinelUrl}/schema.json` })) },
    { name: 'sentinel-openapi-allof', description: 'allOf member $ref to a local HTTP server', expect: reject, body: () => Buffer.from(openapi({ allOf: [{ $ref: `${sentinelUrl}/a.json#/x` }] })) },
    { name: 'sentinel-asyncapi-payload', description: 'AsyncAPI payload $ref to a local HTTP server', expect: reject, body: () => Buffer.from(asyncapi({ $ref: `${sentinelUrl}/payload.json` })) },
    { name: 'sentinel-swagger-definition', description: 'Swagger 2.0 definitions $ref to a local HTTP server', expect: reject, body: () => Buffer.from(JSON.stringify({ swagger: '2.0', info: { title: 't', version: '1' }, paths: {}, definitions: { A: { $ref: `${sentinelUrl}/def.json` } } })) },
  ];
}

function heapMb(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

describe('hostile documents published through the REST API', () => {
  const cases = [...hostileCases, ...sentinelCases()];
  let baseline = 0;

  it('has a corpus of at least 40 hostile documents', () => {
    expect(hostileCases.filter((c) => c.expect.status !== 201).length).toBeGreaterThanOrEqual(40);
  });

  it('starts from a warm server', async () => {
    await server.json('POST', '/api/v1/contracts', { slug: 'warm-up', name: 'warm', system: 'attacker' });
    const warm = hostileCases.find((c) => c.name === 'accept-baseline-oas30')!;
    const res = await server.fetch('/api/v1/contracts/warm-up/versions?version=1.0.0', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array(warm.body()) });
    expect(res.status).toBe(201);
    baseline = heapMb();
  });

  for (const [i, c] of cases.entries()) {
    it(`${c.name}: ${c.expect.status}${c.expect.code ? ` ${c.expect.code}` : ''}`, async () => {
      const slug = `hostile-${i}`;
      expect((await server.json('POST', '/api/v1/contracts', { slug, name: c.name, system: 'attacker' })).status).toBe(201);
      // Raw bytes, so encodings reach ingest exactly as an attacker would send them.
      const res = await server.fetch(`/api/v1/contracts/${slug}/versions?version=1.0.0`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: new Uint8Array(c.body()),
        signal: AbortSignal.timeout(30_000),
      });
      const body = (await res.json()) as { code?: string; detail?: string };
      expect({ status: res.status, code: res.status === 201 ? undefined : body.code }, body.detail).toEqual({ status: c.expect.status, code: c.expect.code });
      if (res.status >= 400) {
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(body.detail).toBeTruthy();
      }
    });
  }

  it('never connected to the sentinel server', () => {
    expect(sentinelHits).toBe(0);
  });

  it('is still up and answering', async () => {
    expect((await server.json('GET', '/readyz')).status).toBe(200);
    expect((await server.json('GET', '/api/v1/contracts/warm-up')).status).toBe(200);
  });

  it('returns near its memory baseline', () => {
    // Request bodies of up to 50 MB passed through; none may stay referenced.
    expect(heapMb() - baseline).toBeLessThan(64);
  });
});
