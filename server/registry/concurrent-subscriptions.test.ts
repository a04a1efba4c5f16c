import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { createPostgresLocation, postgresUrl } from '../test-support/test-database.js';
import { spawnAccordServer, type SpawnedServer } from '../test-support/spawn-accord-server.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import { TEST_ADMIN_TOKEN } from '../test-support/test-credentials.js';

const doc = (version: string) =>
  stringify({ openapi: '3.0.3', info: { title: 'Stock', version }, paths: { '/stock/{sku}': { get: { responses: { '200': { description: 'ok' } } } } } });

type Post = (path: string, body: unknown) => Promise<number>;

const poster =
  (baseUrl: string): Post =>
  async (path, body) => {
    const res = await fetch(baseUrl + path, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_TOKEN}` }, body: JSON.stringify(body) });
    await res.arrayBuffer();
    return res.status;
  };

const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

async function liveRanges(baseUrl: string, consumer: string): Promise<string[]> {
  const res = await fetch(`${baseUrl}/api/v1/systems/${consumer}/subscriptions?status=requested&limit=200`);
  return ((await res.json()) as { items: { range: string }[] }).items.map((s) => s.range).sort();
}

/** The same races, against whatever set of servers shares one database. */
function subscriptionRaces(servers: () => Post[], ranges: (consumer: string) => Promise<string[]>) {
  const post = (i: number, path: string, body: unknown) => servers()[i % servers().length]!(path, body);
  const request = (i: number, consumer: string, range: string) => post(i, '/api/v1/contracts/stock/subscriptions', { consumer, range, operations: ['GET /stock/{sku}'] });

  it('20 concurrent requests of one consumer for overlapping ranges: exactly one wins, the rest conflict', async () => {
    await post(0, '/api/v1/systems', { slug: 'pos', name: 'POS', team: 'supply', domain: 'retail' });
    const overlapping = ['^1.0.0', '>=1.0.0', '1.x', '~1.0.0', '>=1.0.0 <3.0.0'];
    const statuses = await Promise.all(Array.from({ length: 20 }, (_, i) => request(i, 'pos', overlapping[i % overlapping.length]!)));
    expect(count(statuses, 201)).toBe(1);
    expect(count(statuses, 409)).toBe(19);
    expect(await ranges('pos')).toHaveLength(1);
  });

  it('concurrent requests of one consumer for ranges that do not overlap all win', async () => {
    await post(0, '/api/v1/systems', { slug: 'web', name: 'Web shop', team: 'supply', domain: 'retail' });
    const statuses = await Promise.all(['^1.0.0', '^2.0.0', '^3.0.0'].map((range, i) => request(i, 'web', range)));
    expect(statuses).toEqual([201, 201, 201]);
    expect(await ranges('web')).toEqual(['^1.0.0', '^2.0.0', '^3.0.0']);
  });
}

async function createProvider(post: Post) {
  await post('/api/v1/teams', { slug: 'supply', name: 'Supply' });
  await post('/api/v1/systems', { slug: 'inventory', name: 'Inventory', team: 'supply', domain: 'retail' });
  await post('/api/v1/contracts', { slug: 'stock', name: 'Stock', system: 'inventory' });
  for (const version of ['1.0.0', '2.0.0', '3.0.0']) expect(await post('/api/v1/contracts/stock/versions', { version, document: doc(version) })).toBe(201);
}

describe('concurrent subscription requests on PGlite', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await createProvider(poster(server.url));
  });
  afterAll(() => server?.close());
  subscriptionRaces(
    () => [poster(server.url)],
    (consumer) => liveRanges(server.url, consumer),
  );
});

describe.skipIf(!postgresUrl)('concurrent subscription requests on PostgreSQL with two accord serve processes', () => {
  let servers: SpawnedServer[] = [];
  let database: Awaited<ReturnType<typeof createPostgresLocation>>;
  beforeAll(async () => {
    database = await createPostgresLocation();
    servers = [await spawnAccordServer({ databaseUrl: database.location.url })];
    servers.push(await spawnAccordServer({ databaseUrl: database.location.url }));
    await createProvider(poster(servers[0]!.url));
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await database?.cleanup();
  });
  subscriptionRaces(
    () => servers.map((s) => poster(s.url)),
    (consumer) => liveRanges(servers[1]!.url, consumer),
  );
});
