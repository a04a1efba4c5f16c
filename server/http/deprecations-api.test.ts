import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await server.json('POST', '/api/v1/teams', { slug: 'commerce', name: 'Commerce' });
  await server.json('POST', '/api/v1/systems', { slug: 'orders', name: 'Orders', team: 'commerce', domain: 'retail' });
});
afterAll(() => server?.close());

interface Finding {
  id: string;
  level: string;
  source: string;
  operations: string[];
}
interface Deprecations {
  contract: string;
  lifecycle: string;
  sunsetAt: string | null;
  versions: { version: string; deprecatedAt: string; sunsetAt: string; note: string }[];
  operations: { operation: string; sunsetAt: string; note: string }[];
}
interface Problem {
  code: string;
  detail: string;
  errors?: { pointer?: string; detail: string }[];
  findings?: Finding[];
}

// Clean under the default policy ruleset, so only compatibility findings decide a publish.
const op = (operationId: string) => ({ operationId, responses: { '200': { description: 'ok' } } });
const orderId = { name: 'orderId', in: 'path', required: true, schema: { type: 'string' } };
const orders = (item: Record<string, object>) =>
  stringify({ openapi: '3.1.0', info: { title: 'Orders', version: '1' }, security: [], paths: { '/orders': { get: op('listOrders') }, '/orders/{orderId}': { parameters: [orderId], ...item } } });
const v1 = orders({ get: op('getOrder'), delete: op('deleteOrder') });
const withoutDelete = orders({ get: op('getOrder') });
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

async function contract(slug: string) {
  expect((await server.json('POST', '/api/v1/contracts', { slug, name: slug, system: 'orders' })).status).toBe(201);
  expect((await server.json('POST', `/api/v1/contracts/${slug}/versions`, { version: '1.0.0', document: v1 })).status).toBe(201);
}

describe('deprecation over HTTP', () => {
  it('deprecates an operation, shows it on the contract, and blocks removing it before the sunset', async () => {
    await contract('orders-ops');
    const sunsetAt = inDays(60);
    const deprecated = await server.json<Deprecations>('POST', '/api/v1/contracts/orders-ops/operations/deprecate', { operations: ['DELETE /orders/{id}'], sunsetAt, note: 'cancel instead' });
    expect(deprecated.status).toBe(200);
    expect(deprecated.body.operations).toMatchObject([{ operation: 'DELETE /orders/{orderId}', sunsetAt: new Date(sunsetAt).toISOString(), note: 'cancel instead' }]);

    const shown = await server.json<{ deprecations: { operations: Deprecations['operations'] } }>('GET', '/api/v1/contracts/orders-ops');
    expect(shown.body.deprecations.operations).toMatchObject([{ operation: 'DELETE /orders/{orderId}', note: 'cancel instead' }]);
    expect((await server.json<Deprecations>('GET', '/api/v1/contracts/orders-ops/deprecations')).body.operations).toHaveLength(1);

    const published = await server.json<Problem>('POST', '/api/v1/contracts/orders-ops/versions', { version: '1.1.0', document: withoutDelete });
    expect(published.status).toBe(422);
    expect(published.body.code).toBe('publish-blocked');
    expect(published.body.findings!.filter((f) => f.level === 'error').map((f) => f.id)).toEqual(['operation-removed-before-sunset']);

    const checked = await server.json<{ verdict: string; findings: Finding[] }>('POST', '/api/v1/contracts/orders-ops/checks', { version: '1.1.0', document: withoutDelete });
    expect(checked.status).toBe(201);
    expect(checked.body.verdict).toBe('fail');
    expect(checked.body.findings.map((f) => f.id)).toContain('operation-removed-before-sunset');

    const audit = await server.json<{ items: { action: string }[] }>('GET', '/api/v1/audit?targetType=contract&targetId=orders-ops');
    expect(audit.body.items.map((e) => e.action)).toContain('operations.deprecated');
  });

  it('refuses bringing a sunset forward, a sunset in the past, unknown operations and unknown fields', async () => {
    await contract('orders-refusals');
    const deprecate = (body: object) => server.json<Problem>('POST', '/api/v1/contracts/orders-refusals/operations/deprecate', body);
    expect((await deprecate({ operations: ['GET /orders'], sunsetAt: inDays(60) })).status).toBe(200);

    const forward = await deprecate({ operations: ['GET /orders'], sunsetAt: inDays(30) });
    expect(forward.status).toBe(409);
    expect(forward.body).toMatchObject({ code: 'sunset-brought-forward', errors: [{ pointer: '/sunsetAt' }] });

    const past = await deprecate({ operations: ['GET /orders'], sunsetAt: inDays(-1) });
    expect(past.status).toBe(422);
    expect(past.body).toMatchObject({ code: 'invalid-sunset', errors: [{ pointer: '/sunsetAt' }] });

    const unknown = await deprecate({ operations: ['GET /orders', 'PUT /orders/{id}'], sunsetAt: inDays(90) });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: 'unknown-operation', errors: [{ pointer: '/operations/1', detail: '"PUT /orders/{id}" is not an operation of orders-refusals 1.0.0' }] });

    const extra = await deprecate({ operations: ['GET /orders'], sunsetAt: inDays(90), createdBy: 'someone else' });
    expect(extra.status).toBe(422);
    expect(extra.body).toMatchObject({ code: 'invalid-input', errors: [{ pointer: '/createdBy' }] });
  });

  it('deprecates the contract and a version, shown in their GETs', async () => {
    await contract('orders-whole');
    const sunsetAt = inDays(120);
    const before = await server.fetch('/api/v1/contracts/orders-whole/versions/1.0.0');
    const etag = before.headers.get('etag')!;

    const version = await server.json<Deprecations>('POST', '/api/v1/contracts/orders-whole/versions/1.0.0/deprecate', { sunsetAt, note: 'upgrade to 2.x' });
    expect(version.status).toBe(200);
    expect(version.body.versions).toMatchObject([{ version: '1.0.0', sunsetAt: new Date(sunsetAt).toISOString(), note: 'upgrade to 2.x' }]);
    const got = await server.json<{ deprecatedAt: string | null; sunsetAt: string | null; deprecationNote: string | null }>('GET', '/api/v1/contracts/orders-whole/versions/1.0.0');
    expect(got.body).toMatchObject({ deprecatedAt: expect.any(String), sunsetAt: new Date(sunsetAt).toISOString(), deprecationNote: 'upgrade to 2.x' });
    // A cached copy from before the deprecation is not current any more.
    expect(got.headers.get('etag')).not.toBe(etag);
    expect((await server.fetch('/api/v1/contracts/orders-whole/versions/1.0.0', { headers: { 'if-none-match': etag } })).status).toBe(200);
    const listed = await server.json<{ items: { version: string; sunsetAt: string | null }[] }>('GET', '/api/v1/contracts/orders-whole/versions');
    expect(listed.body.items[0]).toMatchObject({ version: '1.0.0', sunsetAt: new Date(sunsetAt).toISOString() });

    const whole = await server.json<Deprecations>('POST', '/api/v1/contracts/orders-whole/deprecate', { sunsetAt, note: 'moving to orders-v2' });
    expect(whole.status).toBe(200);
    expect(whole.body).toMatchObject({ lifecycle: 'deprecated', sunsetAt: new Date(sunsetAt).toISOString() });
    expect((await server.json('GET', '/api/v1/contracts/orders-whole')).body).toMatchObject({ lifecycle: 'deprecated', sunsetAt: new Date(sunsetAt).toISOString(), deprecations: { operations: [] } });
    expect((await server.json('GET', '/api/v1/contracts?lifecycle=deprecated')).body).toMatchObject({ items: [{ slug: 'orders-whole' }] });
  });

  it('sets a sunset only through the deprecate operation, never through PATCH', async () => {
    await contract('orders-patched');
    const patch = (body: object) => server.json<Problem>('PATCH', '/api/v1/contracts/orders-patched', body);
    const sunset = await patch({ sunsetAt: new Date(Date.now() + 60_000).toISOString() });
    expect(sunset.status).toBe(422);
    expect(sunset.body).toMatchObject({ code: 'invalid-input', errors: [{ pointer: '/sunsetAt' }] });
    const deprecated = await patch({ lifecycle: 'deprecated' });
    expect(deprecated.status).toBe(422);
    expect(deprecated.body).toMatchObject({ code: 'invalid-input', errors: [{ pointer: '/lifecycle' }] });
    expect(deprecated.body.detail).toContain('POST /api/v1/contracts/orders-patched/deprecate');

    const sunsetAt = inDays(60);
    expect((await server.json('POST', '/api/v1/contracts/orders-patched/deprecate', { sunsetAt })).status).toBe(200);
    const back = await patch({ lifecycle: 'active' });
    expect(back.status).toBe(409);
    expect(back.body).toMatchObject({ code: 'invalid-transition', errors: [{ pointer: '/lifecycle' }] });
    const retired = await patch({ lifecycle: 'retired' });
    expect(retired.status).toBe(409);
    expect(retired.body.code).toBe('invalid-transition');
    expect(retired.body.detail).toContain(new Date(sunsetAt).toISOString());
    expect((await server.json('GET', '/api/v1/contracts/orders-patched')).body).toMatchObject({ lifecycle: 'deprecated', sunsetAt: new Date(sunsetAt).toISOString() });
  });

  it('refuses a sunset outside the years 1970 to 9999 by naming it', async () => {
    await contract('orders-far');
    for (const sunsetAt of ['0000-01-01T00:00:00Z', '9999-12-31T23:59:59-05:00', '+010000-01-01T00:00:00Z']) {
      const res = await server.json<Problem>('POST', '/api/v1/contracts/orders-far/deprecate', { sunsetAt });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'invalid-input', errors: [{ pointer: '/sunsetAt' }] });
    }
  });

  it('refuses publishes to a retired contract, and deprecations by anonymous callers', async () => {
    await contract('orders-retired');
    expect((await server.json('POST', '/api/v1/contracts/orders-retired/deprecate', { sunsetAt: inDays(60) }, { token: null })).status).toBe(401);
    expect((await server.json('PATCH', '/api/v1/contracts/orders-retired', { lifecycle: 'retired' })).status).toBe(200);
    const publish = await server.json<Problem>('POST', '/api/v1/contracts/orders-retired/versions', { version: '1.0.1', document: v1 });
    expect(publish.status).toBe(409);
    expect(publish.body.code).toBe('contract-retired');
    expect((await server.json<Problem>('POST', '/api/v1/contracts/orders-retired/deprecate', { sunsetAt: inDays(60) })).body.code).toBe('contract-retired');
  });
});
