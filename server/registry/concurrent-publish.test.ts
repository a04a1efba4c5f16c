import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { createPostgresLocation, postgresUrl } from '../test-support/test-database.js';
import { spawnAccordServer, type SpawnedServer } from '../test-support/spawn-accord-server.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import { TEST_ADMIN_TOKEN } from '../test-support/test-credentials.js';

const doc = (variant: string) =>
  stringify({
    openapi: '3.0.3',
    info: { title: `Orders ${variant}`, version: '1.0.0' },
    paths: { [`/orders/${variant}`]: { get: { responses: { '200': { description: 'ok' } } } } },
  });

type Post = (path: string, body: unknown) => Promise<number>;

const poster =
  (baseUrl: string): Post =>
  async (path, body) => {
    const res = await fetch(baseUrl + path, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_TOKEN}` }, body: JSON.stringify(body) });
    await res.arrayBuffer();
    return res.status;
  };

const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

/** The same races, against whatever set of servers shares one database. */
function publishRaces(servers: () => Post[], versionCount: (contract: string) => Promise<number>) {
  const post = (i: number, path: string, body: unknown) => servers()[i % servers().length]!(path, body);

  it('50 concurrent publishes of one version with identical content make one version, and all succeed', async () => {
    await post(0, '/api/v1/contracts', { slug: 'race-same', name: 'race', system: 'orders' });
    const statuses = await Promise.all(Array.from({ length: 50 }, (_, i) => post(i, '/api/v1/contracts/race-same/versions', { version: '1.0.0', document: doc('same') })));
    expect(count(statuses, 201)).toBe(1);
    expect(count(statuses, 200)).toBe(49);
    expect(await versionCount('race-same')).toBe(1);
  });

  it('50 concurrent publishes of one version with different contents: exactly one wins, the rest conflict', async () => {
    await post(0, '/api/v1/contracts', { slug: 'race-different', name: 'race', system: 'orders' });
    const statuses = await Promise.all(Array.from({ length: 50 }, (_, i) => post(i, '/api/v1/contracts/race-different/versions', { version: '1.0.0', document: doc(`v${i}`) })));
    expect(count(statuses, 201)).toBe(1);
    expect(count(statuses, 409)).toBe(49);
    expect(await versionCount('race-different')).toBe(1);
  });

  it('20 writers publishing distinct versions all commit', async () => {
    await post(0, '/api/v1/contracts', { slug: 'race-distinct', name: 'race', system: 'orders' });
    const statuses = await Promise.all(Array.from({ length: 20 }, (_, i) => post(i, '/api/v1/contracts/race-distinct/versions', { version: `${i + 1}.0.0`, document: doc(`major-${i}`) })));
    expect(statuses).toEqual(Array(20).fill(201));
    expect(await versionCount('race-distinct')).toBe(20);
  });

  it('a candidate checked against a predecessor that is overtaken meanwhile is judged against the new one', async () => {
    const api = (paths: string[]) => stringify({ openapi: '3.0.3', info: { title: 'Gate', version: '1' }, paths: Object.fromEntries(paths.map((p) => [p, { get: { responses: { '200': { description: 'ok' } } } }])) });
    for (let trial = 0; trial < GATE_TRIALS; trial++) {
      const slug = `race-gate-${trial}`;
      await post(0, '/api/v1/contracts', { slug, name: 'race', system: 'orders' });
      expect(await post(0, `/api/v1/contracts/${slug}/versions`, { version: '1.0.0', document: api(['/a']) })).toBe(201);
      // 1.1.0 adds /b. 1.2.0 is fine after 1.0.0 but removes /b if 1.1.0 lands first.
      const [minor, next] = await Promise.all([
        post(trial, `/api/v1/contracts/${slug}/versions`, { version: '1.1.0', document: api(['/a', '/b']) }),
        post(trial + 1, `/api/v1/contracts/${slug}/versions`, { version: '1.2.0', document: api(['/a']) }),
      ]);
      // Either 1.1.0 landed and 1.2.0 breaks it, or 1.2.0 landed and 1.1.0 comes too late: never both.
      expect([minor, next].sort()).toEqual(minor === 201 ? [201, 422] : [201, 409]);
    }
  });
}

const GATE_TRIALS = 10;

async function versionsVia(baseUrl: string, contract: string): Promise<number> {
  const res = await fetch(`${baseUrl}/api/v1/contracts/${contract}/versions?limit=200`);
  return ((await res.json()) as { items: unknown[] }).items.length;
}

async function createOwner(post: Post) {
  await post('/api/v1/teams', { slug: 'commerce', name: 'Commerce' });
  await post('/api/v1/systems', { slug: 'orders', name: 'Orders', team: 'commerce', domain: 'retail' });
}

describe('concurrent publishing on PGlite', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await createOwner(poster(server.url));
  });
  afterAll(() => server?.close());
  publishRaces(
    () => [poster(server.url)],
    (contract) => versionsVia(server.url, contract),
  );
});

describe.skipIf(!postgresUrl)('concurrent publishing on PostgreSQL with two accord serve processes', () => {
  let servers: SpawnedServer[] = [];
  let database: Awaited<ReturnType<typeof createPostgresLocation>>;
  beforeAll(async () => {
    database = await createPostgresLocation();
    // Both start at once on an empty database: migrations must run exactly once.
    servers = await Promise.all([spawnAccordServer({ databaseUrl: database.location.url }), spawnAccordServer({ databaseUrl: database.location.url })]);
    await createOwner(poster(servers[0]!.url));
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await database?.cleanup();
  });

  publishRaces(
    () => servers.map((s) => poster(s.url)),
    (contract) => versionsVia(servers[1]!.url, contract),
  );

  it('20 concurrent changes to one system all commit: deciding ownership does not deadlock the writers', async () => {
    const patch = (i: number) =>
      fetch(`${servers[i % 2]!.url}/api/v1/systems/orders`, { method: 'PATCH', headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_TOKEN}` }, body: JSON.stringify({ description: `change ${i}` }) }).then(async (res) => (await res.arrayBuffer(), res.status));
    const statuses = await Promise.all(Array.from({ length: 20 }, (_, i) => patch(i)));
    expect(count(statuses, 200)).toBe(20);
  });

  it('wrote exactly one audit event per created version', async () => {
    const client = new pg.Client({ connectionString: database.location.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ versions: string; events: string }>(
        `select (select count(*) from versions) as versions, (select count(*) from audit_events where action = 'version.published') as events`,
      );
      expect(Number(rows[0]!.versions)).toBe(22 + 2 * GATE_TRIALS);
      expect(Number(rows[0]!.events)).toBe(22 + 2 * GATE_TRIALS);
    } finally {
      await client.end();
    }
  });
});
