import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await server.json('POST', '/api/v1/teams', { slug: 'store-platform', name: 'Store Platform' });
  await server.json('POST', '/api/v1/teams', { slug: 'supply-chain', name: 'Supply Chain', description: 'Stock and replenishment' });
  await server.json('POST', '/api/v1/systems', { slug: 'inventory', name: 'Inventory', team: 'supply-chain', domain: 'retail' });
  await server.json('POST', '/api/v1/systems', { slug: 'pos', name: 'Point of Sale', team: 'store-platform', domain: 'retail' });
});
afterAll(() => server?.close());

const stockApi = (version: string, extraPaths: Record<string, unknown> = {}) =>
  stringify({
    openapi: '3.1.0',
    info: { title: 'Stock API', version },
    paths: {
      '/stock/{sku}': { get: { operationId: 'getStock', responses: { '200': { description: 'stock level' } } } },
      '/reservations': { post: { operationId: 'reserve', responses: { '201': { description: 'reserved' } } } },
      ...extraPaths,
    },
  });

async function newContract(slug: string, body: object = {}) {
  const created = await server.json('POST', '/api/v1/contracts', { slug, name: slug, system: 'inventory', ...body });
  expect(created.status).toBe(201);
}

describe('teams, systems and contracts', () => {
  it('creates, reads and updates a team', async () => {
    const created = await server.json('POST', '/api/v1/teams', { slug: 'data-analytics', name: 'Data' });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/api/v1/teams/data-analytics');
    const patched = await server.json<{ name: string }>('PATCH', '/api/v1/teams/data-analytics', { name: 'Data & Analytics' });
    expect(patched.body.name).toBe('Data & Analytics');
    const read = await server.json<{ name: string }>('GET', '/api/v1/teams/data-analytics');
    expect(read.body.name).toBe('Data & Analytics');
  });

  it('refuses a duplicate slug with 409 already-exists', async () => {
    const again = await server.json<{ code: string }>('POST', '/api/v1/teams', { slug: 'store-platform', name: 'again' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already-exists');
    expect(again.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('refuses fields a client may not set, naming each by pointer', async () => {
    const res = await server.json<{ code: string; errors: { pointer: string }[] }>('POST', '/api/v1/contracts', {
      slug: 'sneaky',
      name: 'Sneaky',
      system: 'inventory',
      createdBy: 'admin',
      latestVersion: '9.9.9',
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('invalid-input');
    expect(res.body.errors.map((e) => e.pointer).sort()).toEqual(['/createdBy', '/latestVersion']);
  });

  it('rejects an invalid slug and an unknown owning system with pointers', async () => {
    const badSlug = await server.json<{ errors: { pointer: string }[] }>('POST', '/api/v1/contracts', { slug: 'Bad Slug', name: 'x', system: 'inventory' });
    expect(badSlug.status).toBe(422);
    expect(badSlug.body.errors[0]!.pointer).toBe('/slug');
    const unknown = await server.json<{ code: string; errors: { pointer: string }[] }>('POST', '/api/v1/contracts', { slug: 'orphan', name: 'x', system: 'nope' });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: 'unknown-reference', errors: [{ pointer: '/system' }] });
  });

  it('answers unknown resources and routes with problem+json 404', async () => {
    const missing = await server.json<{ code: string; status: number; title: string; detail: string }>('GET', '/api/v1/contracts/does-not-exist');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'not-found', status: 404, title: 'Not found' });
    expect(missing.body.detail).toContain('does-not-exist');
    const route = await server.json<{ code: string }>('GET', '/api/v1/nothing-here');
    expect(route.status).toBe(404);
    expect(route.body.code).toBe('route-not-found');
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const res = await server.fetch('/api/v1/teams', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"slug": ' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'malformed-json' });
  });
});

describe('publishing versions', () => {
  it('detects the kind from the first document and returns the operation index', async () => {
    await newContract('stock-api');
    const res = await server.json<{ version: string; specKind: string; operations: { key: string }[] }>('POST', '/api/v1/contracts/stock-api/versions', { version: '1.0.0', document: stockApi('1.0.0') });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe('/api/v1/contracts/stock-api/versions/1.0.0');
    expect(res.body.specKind).toBe('openapi');
    expect(res.body.operations.map((o) => o.key).sort()).toEqual(['GET /stock/{sku}', 'POST /reservations']);
    const contract = await server.json<{ kind: string; latestVersion: string }>('GET', '/api/v1/contracts/stock-api');
    expect(contract.body).toMatchObject({ kind: 'openapi', latestVersion: '1.0.0' });
  });

  it('is idempotent for the same version and content, even reformatted as JSON', async () => {
    const again = await server.json('POST', '/api/v1/contracts/stock-api/versions', { version: '1.0.0', document: stockApi('1.0.0') });
    expect(again.status).toBe(200);
    const asJson = JSON.stringify(JSON.parse(JSON.stringify((await import('yaml')).parse(stockApi('1.0.0')))));
    const reformatted = await server.json('POST', '/api/v1/contracts/stock-api/versions', { version: '1.0.0', document: asJson });
    expect(reformatted.status).toBe(200);
  });

  it('refuses other content under a published version with 409 version-conflict', async () => {
    const res = await server.json<{ code: string }>('POST', '/api/v1/contracts/stock-api/versions', { version: '1.0.0', document: stockApi('1.0.0', { '/extra': { get: { responses: { '200': { description: 'x' } } } } }) });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('version-conflict');
  });

  it('requires a new version to be greater than the latest of its major line', async () => {
    expect((await server.json('POST', '/api/v1/contracts/stock-api/versions', { version: '1.2.0', document: stockApi('1.2.0') })).status).toBe(201);
    const older = await server.json<{ code: string; detail: string }>('POST', '/api/v1/contracts/stock-api/versions', { version: '1.1.0', document: stockApi('1.1.0') });
    expect(older.status).toBe(409);
    expect(older.body.code).toBe('version-order');
    expect(older.body.detail).toContain('1.2.0');
    expect((await server.json('POST', '/api/v1/contracts/stock-api/versions', { version: '2.0.0', document: stockApi('2.0.0') })).status).toBe(201);
    // A maintenance release of the older major line stays possible.
    expect((await server.json('POST', '/api/v1/contracts/stock-api/versions', { version: '1.2.1', document: stockApi('1.2.1') })).status).toBe(201);
  });

  it('rejects versions that are not strict semver', async () => {
    for (const version of ['v1.3.0', '1.3', '1.3.0+build.5', 'latest']) {
      const res = await server.json<{ code: string; errors: { pointer: string }[] }>('POST', '/api/v1/contracts/stock-api/versions', { version, document: stockApi('1.3.0') });
      expect(res.status, version).toBe(422);
      expect(res.body).toMatchObject({ code: 'invalid-version', errors: [{ pointer: '/version' }] });
    }
  });

  it('refuses an AsyncAPI document on an OpenAPI contract', async () => {
    const doc = stringify({ asyncapi: '3.0.0', info: { title: 'x', version: '1.0.0' }, channels: {}, operations: {} });
    const res = await server.json<{ code: string; detail: string; errors: unknown[] }>('POST', '/api/v1/contracts/stock-api/versions', { version: '3.0.0', document: doc });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      code: 'kind-mismatch',
      detail: 'contract "stock-api" holds OpenAPI documents and this one is AsyncAPI; publish it to an AsyncAPI contract',
      errors: [{ pointer: '/document', detail: 'expected an OpenAPI document' }],
    });
  });

  it('accepts a raw YAML upload with the version in the query', async () => {
    await newContract('raw-upload');
    const res = await server.fetch('/api/v1/contracts/raw-upload/versions?version=0.1.0', { method: 'POST', headers: { 'content-type': 'application/yaml' }, body: stockApi('0.1.0') });
    expect(res.status).toBe(201);
    const source = await server.fetch('/api/v1/contracts/raw-upload/versions/0.1.0/source');
    expect(source.headers.get('content-type')).toMatch(/^application\/yaml/);
    expect(await source.text()).toBe(stockApi('0.1.0'));
  });

  it('answers an unsupported media type with 415', async () => {
    const res = await server.fetch('/api/v1/contracts/raw-upload/versions', { method: 'POST', headers: { 'content-type': 'image/png' }, body: 'x' });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ code: 'unsupported-media-type' });
  });

  it('refuses publishing to a retired contract', async () => {
    await newContract('old-api');
    await server.json('PATCH', '/api/v1/contracts/old-api', { lifecycle: 'retired' });
    const res = await server.json<{ code: string }>('POST', '/api/v1/contracts/old-api/versions', { version: '1.0.0', document: stockApi('1.0.0') });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('contract-retired');
    const back = await server.json<{ code: string }>('PATCH', '/api/v1/contracts/old-api', { lifecycle: 'active' });
    expect(back.body.code).toBe('invalid-transition');
  });
});

describe('reading versions', () => {
  it('lists versions newest first by semver precedence', async () => {
    const res = await server.json<{ items: { version: string }[] }>('GET', '/api/v1/contracts/stock-api/versions');
    expect(res.body.items.map((v) => v.version)).toEqual(['2.0.0', '1.2.1', '1.2.0', '1.0.0']);
  });

  it('serves latest as an alias with the document, source, hash and operations', async () => {
    const res = await server.json<{ version: string; contentHash: string; document: { info: { version: string } }; source: string; operations: unknown[] }>('GET', '/api/v1/contracts/stock-api/versions/latest');
    expect(res.body.version).toBe('2.0.0');
    expect(res.body.document.info.version).toBe('2.0.0');
    expect(res.body.source).toBe(stockApi('2.0.0'));
    expect(res.body.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(res.body.operations).toHaveLength(2);
  });

  it('supports ETag and If-None-Match', async () => {
    const first = await server.fetch('/api/v1/contracts/stock-api/versions/1.0.0');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"sha256:/);
    const second = await server.fetch('/api/v1/contracts/stock-api/versions/1.0.0', { headers: { 'if-none-match': etag! } });
    expect(second.status).toBe(304);
    const document = await server.fetch('/api/v1/contracts/stock-api/versions/1.0.0/document', { headers: { 'if-none-match': etag! } });
    expect(document.status).toBe(304);
  });

  it('answers 404 for a version never published', async () => {
    const res = await server.json<{ code: string }>('GET', '/api/v1/contracts/stock-api/versions/9.9.9');
    expect(res.status).toBe(404);
  });
});

describe('listing, filtering and paginating', () => {
  beforeAll(async () => {
    await newContract('pos-sales-events', { kind: 'asyncapi', tags: ['sales', 'events'], description: 'Receipts emitted by tills', lifecycle: 'active' });
    await server.json('POST', '/api/v1/contracts', { slug: 'pos-returns-api', name: 'Returns', system: 'pos', tags: ['returns'] });
  });

  it('filters contracts by team, system, kind, lifecycle and tag', async () => {
    const slugs = async (query: string) => (await server.json<{ items: { slug: string }[] }>('GET', `/api/v1/contracts?${query}`)).body.items.map((c) => c.slug);
    expect(await slugs('team=store-platform')).toEqual(['pos-returns-api']);
    expect(await slugs('system=pos')).toEqual(['pos-returns-api']);
    expect(await slugs('kind=asyncapi')).toEqual(['pos-sales-events']);
    expect(await slugs('lifecycle=active')).toEqual(['pos-sales-events']);
    expect(await slugs('tag=returns')).toEqual(['pos-returns-api']);
    expect(await slugs('domain=retail&kind=openapi')).toEqual(['raw-upload', 'stock-api']);
  });

  it('searches names, descriptions and tags, treating wildcards literally', async () => {
    const search = async (q: string) => (await server.json<{ items: { slug: string }[] }>('GET', `/api/v1/contracts?q=${encodeURIComponent(q)}`)).body.items.map((c) => c.slug);
    expect(await search('tills')).toEqual(['pos-sales-events']);
    expect(await search('SALES')).toEqual(['pos-sales-events']);
    expect(await search('%')).toEqual([]);
    // Each column is matched on its own: a query does not run on from the description into a tag.
    expect(await search('tills sales')).toEqual([]);
  });

  it('finds a contract by what an update gave it, and no longer by what the update took away', async () => {
    const search = async (q: string) => (await server.json<{ items: { slug: string }[] }>('GET', `/api/v1/contracts?q=${encodeURIComponent(q)}`)).body.items.map((c) => c.slug);
    await newContract('renamed-api', { name: 'Shelf Labels', tags: ['labels'] });
    expect(await search('shelf')).toEqual(['renamed-api']);
    await server.json('PATCH', '/api/v1/contracts/renamed-api', { name: 'Price Tags', description: 'Printed at the Till', tags: ['printing'] });
    expect(await search('shelf')).toEqual([]);
    expect(await search('labels')).toEqual([]);
    expect(await search('PRICE TAGS')).toEqual(['renamed-api']);
    expect(await search('at the till')).toEqual(['renamed-api']);
    expect(await search('printing')).toEqual(['renamed-api']);
  });

  it('pages through every contract with a cursor, without repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { slug: string }[]; nextCursor: string | null } } = await server.json('GET', `/api/v1/contracts?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((c) => c.slug));
      cursor = page.body.nextCursor;
    } while (cursor);
    const all = await server.json<{ items: { slug: string }[] }>('GET', '/api/v1/contracts?limit=200');
    expect(seen).toEqual(all.body.items.map((c) => c.slug));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('enforces the page size cap and refuses foreign cursors', async () => {
    const big = await server.json<{ code: string; errors: { pointer: string }[] }>('GET', '/api/v1/contracts?limit=5000');
    expect(big.status).toBe(422);
    expect(big.body.errors[0]!.pointer).toBe('/limit');
    const cursor = await server.json<{ code: string }>('GET', '/api/v1/contracts?cursor=not-a-cursor');
    expect(cursor.status).toBe(400);
    expect(cursor.body.code).toBe('invalid-cursor');
  });

  it('filters systems by team and domain', async () => {
    const res = await server.json<{ items: { slug: string }[] }>('GET', '/api/v1/systems?team=supply-chain');
    expect(res.body.items.map((s) => s.slug)).toEqual(['inventory']);
  });
});

describe('subscriptions', () => {
  let id: string;

  it('lets a consumer request the operations it uses, matched regardless of parameter names', async () => {
    const res = await server.json<{ id: string; status: string; operations: string[] }>('POST', '/api/v1/contracts/stock-api/subscriptions', {
      consumer: 'pos',
      range: '^1.0.0',
      operations: ['get /stock/{id}', 'POST /reservations'],
    });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('requested');
    expect(res.body.operations).toEqual(['GET /stock/{sku}', 'POST /reservations']);
    id = res.body.id;
  });

  it('refuses operations that the newest version in the range does not offer', async () => {
    await server.json('POST', '/api/v1/systems', { slug: 'e-commerce', name: 'Web shop', team: 'store-platform', domain: 'retail' });
    const res = await server.json<{ code: string; errors: { pointer: string }[] }>('POST', '/api/v1/contracts/stock-api/subscriptions', {
      consumer: 'e-commerce',
      range: '^1.0.0',
      operations: ['GET /stock/{sku}', 'DELETE /stock/{sku}'],
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'unknown-operation', errors: [{ pointer: '/operations/1' }] });
    expect((res.body as { detail?: string }).detail).toMatch(/^1 requested operation does not exist in stock-api /);
    const range = await server.json<{ code: string }>('POST', '/api/v1/contracts/stock-api/subscriptions', { consumer: 'e-commerce', range: '^7.0.0', operations: ['GET /stock/{sku}'] });
    expect(range.body.code).toBe('range-unsatisfied');
  });

  it('refuses a range overlapping a live subscription of the same consumer, naming it and its range', async () => {
    const res = await server.json<{ code: string; detail: string; errors: { pointer: string; detail: string }[] }>('POST', '/api/v1/contracts/stock-api/subscriptions', { consumer: 'pos', range: '>=1.2.0', operations: ['GET /stock/{sku}'] });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('subscription-exists');
    expect(res.body.detail).toContain(`requested subscription ${id} to "stock-api" for ^1.0.0, which overlaps >=1.2.0`);
    expect(res.body.errors).toEqual([{ pointer: '/range', detail: `overlaps ^1.0.0 of subscription ${id}` }]);
  });

  it('moves through approve and revoke, refusing transitions that make no sense', async () => {
    const approved = await server.json<{ status: string; decidedBy: string }>('POST', `/api/v1/subscriptions/${id}/approve`);
    expect(approved.body.status).toBe('approved');
    const reject = await server.json<{ code: string }>('POST', `/api/v1/subscriptions/${id}/reject`);
    expect(reject.status).toBe(409);
    expect(reject.body.code).toBe('invalid-transition');
    const revoked = await server.json<{ status: string }>('POST', `/api/v1/subscriptions/${id}/revoke`, { note: 'moving to v2' });
    expect(revoked.body.status).toBe('revoked');
  });

  it('lets a consumer hold ^1 and ^2 side by side while it migrates, then revoke ^1', async () => {
    const one = await server.json<{ id: string }>('POST', '/api/v1/contracts/stock-api/subscriptions', { consumer: 'e-commerce', range: '^1.0.0', operations: ['GET /stock/{sku}'] });
    expect(one.status).toBe(201);
    expect((await server.json('POST', `/api/v1/subscriptions/${one.body.id}/approve`)).status).toBe(200);
    const two = await server.json<{ id: string; status: string }>('POST', '/api/v1/contracts/stock-api/subscriptions', { consumer: 'e-commerce', range: '^2.0.0', operations: ['GET /stock/{sku}'] });
    expect([two.status, two.body.status]).toEqual([201, 'requested']);
    expect((await server.json('POST', `/api/v1/subscriptions/${two.body.id}/approve`)).status).toBe(200);
    const live = async () => (await server.json<{ items: { range: string }[] }>('GET', '/api/v1/systems/e-commerce/subscriptions?status=approved')).body.items.map((s) => s.range);
    expect(await live()).toEqual(['^1.0.0', '^2.0.0']);
    expect((await server.json('POST', `/api/v1/subscriptions/${one.body.id}/revoke`, { note: 'moved to 2.x' })).status).toBe(200);
    expect(await live()).toEqual(['^2.0.0']);
    // With ^1 revoked, its range is free again.
    const again = await server.json<{ id: string }>('POST', '/api/v1/contracts/stock-api/subscriptions', { consumer: 'e-commerce', range: '~1.2.0', operations: ['GET /stock/{sku}'] });
    expect(again.status).toBe(201);
    await server.json('POST', `/api/v1/subscriptions/${again.body.id}/reject`);
  });

  it('lists the consumers of a contract and the subscriptions of a system', async () => {
    const fresh = await server.json<{ id: string }>('POST', '/api/v1/contracts/stock-api/subscriptions', { consumer: 'pos', range: '^2.0.0', operations: ['GET /stock/{sku}'] });
    expect(fresh.status).toBe(201);
    const consumers = await server.json<{ items: { consumer: string; status: string }[] }>('GET', '/api/v1/contracts/stock-api/subscriptions');
    expect(consumers.body.items.filter((s) => s.consumer === 'pos').map((s) => s.status)).toEqual(['revoked', 'requested']);
    const requested = await server.json<{ items: unknown[] }>('GET', '/api/v1/contracts/stock-api/subscriptions?status=requested');
    expect(requested.body.items).toHaveLength(1);
    const ofSystem = await server.json<{ items: { contract: string }[] }>('GET', '/api/v1/systems/pos/subscriptions');
    expect(ofSystem.body.items.every((s) => s.contract === 'stock-api')).toBe(true);
  });
});

describe('environments and deployments', () => {
  it('records what runs where and reads the current matrix', async () => {
    for (const [slug, rank] of [['dev', 1], ['prod', 3]] as const) {
      expect((await server.json('POST', '/api/v1/environments', { slug, name: slug, rank })).status).toBe(201);
    }
    const first = await server.json('POST', '/api/v1/contracts/stock-api/deployments', { environment: 'prod', version: '1.2.0', address: 'https://inventory.example.com/api' });
    expect(first.status).toBe(201);
    await server.json('POST', '/api/v1/contracts/stock-api/deployments', { environment: 'dev', version: 'latest', address: 'https://dev.inventory.example.com/api' });
    await server.json('POST', '/api/v1/contracts/stock-api/deployments', { environment: 'prod', version: '1.2.1', address: 'https://inventory.example.com/api' });
    const matrix = await server.json<{ environments: { slug: string }[]; rows: { contract: string; deployments: Record<string, { version: string } | null> }[] }>('GET', '/api/v1/deployments');
    expect(matrix.body.environments.map((e) => e.slug)).toEqual(['dev', 'prod']);
    expect(matrix.body.rows).toHaveLength(1);
    expect(matrix.body.rows[0]!.contract).toBe('stock-api');
    expect(matrix.body.rows[0]!.deployments.prod!.version).toBe('1.2.1');
    expect(matrix.body.rows[0]!.deployments.dev!.version).toBe('2.0.0');
    const history = await server.json<{ items: { version: string }[] }>('GET', '/api/v1/contracts/stock-api/deployments');
    expect(history.body.items.map((d) => d.version)).toEqual(['1.2.1', '2.0.0', '1.2.0']);
  });

  it('refuses deploying a version that was never published', async () => {
    const res = await server.json<{ code: string; errors: { pointer: string }[] }>('POST', '/api/v1/contracts/stock-api/deployments', { environment: 'prod', version: '5.0.0', address: 'x' });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]!.pointer).toBe('/version');
  });
});

describe('health', () => {
  it('answers liveness and readiness', async () => {
    expect((await server.json('GET', '/healthz')).status).toBe(200);
    expect((await server.json<{ status: string }>('GET', '/readyz')).body.status).toBe('ready');
  });
});

describe('edge cases', () => {
  it('pages through versions without repeats, even when a version is published between pages', async () => {
    await newContract('paged');
    for (const v of ['1.0.0', '1.1.0', '2.0.0-rc.1']) await server.json('POST', '/api/v1/contracts/paged/versions', { version: v, document: stockApi(v) });
    const first = await server.json<{ items: { version: string }[]; nextCursor: string }>('GET', '/api/v1/contracts/paged/versions?limit=1');
    expect(first.body.items.map((v) => v.version)).toEqual(['2.0.0-rc.1']);
    await server.json('POST', '/api/v1/contracts/paged/versions', { version: '2.0.0', document: stockApi('2.0.0') });
    const seen = [...first.body.items.map((v) => v.version)];
    let cursor: string | null = first.body.nextCursor;
    while (cursor) {
      const page: { body: { items: { version: string }[]; nextCursor: string | null } } = await server.json('GET', `/api/v1/contracts/paged/versions?limit=1&cursor=${cursor}`);
      seen.push(...page.body.items.map((v) => v.version));
      cursor = page.body.nextCursor;
    }
    expect(seen).toEqual(['2.0.0-rc.1', '1.1.0', '1.0.0']);
  });

  it('answers forged cursors with 400 and ids that cannot exist with 404', async () => {
    const forged = Buffer.from(JSON.stringify(-1)).toString('base64url');
    for (const path of [`/api/v1/contracts/paged/versions?cursor=${forged}`, '/api/v1/contracts/stock-api/subscriptions?cursor=eA', `/api/v1/contracts/stock-api/deployments?cursor=${forged}`]) {
      const res = await server.json<{ code: string }>('GET', path);
      expect(res.status, path).toBe(400);
      expect(res.body.code).toBe('invalid-cursor');
    }
    expect((await server.json('GET', '/api/v1/subscriptions/nope')).status).toBe(404);
    expect((await server.json('POST', '/api/v1/subscriptions/nope/approve')).status).toBe(404);
    const encoding = await server.json<{ code: string }>('GET', '/api/v1/contracts/%E0%A4%A');
    expect(encoding.status).toBe(400);
  });

  it('moves the ETag of latest when latest moves, even to identical content', async () => {
    await newContract('etag-moves');
    await server.json('POST', '/api/v1/contracts/etag-moves/versions', { version: '1.0.0', document: stockApi('1.0.0') });
    const before = (await server.fetch('/api/v1/contracts/etag-moves/versions/latest')).headers.get('etag')!;
    await server.json('POST', '/api/v1/contracts/etag-moves/versions', { version: '1.0.1', document: stockApi('1.0.0') });
    const after = await server.fetch('/api/v1/contracts/etag-moves/versions/latest', { headers: { 'if-none-match': before } });
    expect(after.status).toBe(200);
    expect(((await after.json()) as { version: string }).version).toBe('1.0.1');
  });

  it('deploys as latest the same version GET latest names, also among pre-releases', async () => {
    await newContract('pre-only');
    for (const v of ['1.0.0-rc.1', '1.0.0-rc.2', '1.0.0-rc.3']) await server.json('POST', '/api/v1/contracts/pre-only/versions', { version: v, document: stockApi(v) });
    const latest = await server.json<{ version: string }>('GET', '/api/v1/contracts/pre-only/versions/latest');
    const deployed = await server.json<{ version: string }>('POST', '/api/v1/contracts/pre-only/deployments', { environment: 'dev', version: 'latest', address: 'https://dev.example.com' });
    expect(deployed.body.version).toBe(latest.body.version);
    expect(latest.body.version).toBe('1.0.0-rc.3');
  });

  it('reads YAML as 1.2: dates stay text, so different dates are different content', async () => {
    await newContract('dated');
    const dated = (day: string) => stockApi('1.0.0').replace('openapi: 3.1.0', `openapi: 3.1.0\nx-released: ${day}`);
    expect((await server.json('POST', '/api/v1/contracts/dated/versions', { version: '1.0.0', document: dated('2024-01-01') })).status).toBe(201);
    const other = await server.json<{ code: string }>('POST', '/api/v1/contracts/dated/versions', { version: '1.0.0', document: dated('2031-12-31') });
    expect(other.status).toBe(409);
    const yaml11 = await server.json<{ code: string }>('POST', '/api/v1/contracts/dated/versions', { version: '1.1.0', document: `%YAML 1.1\n---\n${stockApi('1.1.0')}` });
    expect(yaml11.status).toBe(422);
    expect(yaml11.body.code).toBe('document-syntax');
  });
});
