import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresLocation, postgresUrl } from '../test-support/test-database.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import { setUpStockApi, stockApiWindow } from './__fixtures__/stock-api-traffic.js';

describe.skipIf(!postgresUrl)('incidents with two instances on one PostgreSQL database', () => {
  let servers: TestServer[] = [];
  let cleanup: () => Promise<void>;
  let trafficKey: string;

  beforeAll(async () => {
    const owned = await createPostgresLocation();
    cleanup = owned.cleanup;
    const env = { ACCORD_TRAFFIC_RETENTION_DAYS: '3650' };
    servers = [await startTestServer({ location: owned.location, env })];
    ({ trafficKey } = await setUpStockApi(servers[0]!, ['prod']));
    servers.push(await startTestServer({ location: owned.location, env }));
    const slo = await servers[0]!.json('PATCH', '/api/v1/contracts/stock-api/slos/prod', { errorRate: 0.05, windowSeconds: 60, openAfter: 1, resolveAfter: 1 });
    expect(slo.status).toBe(200);
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    await cleanup?.();
  });

  it('opens one incident per breach when many reporters send breaching windows to both instances at once', async () => {
    const start = Date.parse('2026-12-04T08:00:00Z');
    const send = (i: number, options: Omit<Parameters<typeof stockApiWindow>[0], 'environment'>) =>
      servers[i % 2]!.json('POST', '/api/v1/traffic/windows', stockApiWindow({ environment: 'prod', ...options }), { token: trafficKey });
    // Twenty reporters, each a consumer of its own, all seeing the same outage in the same ten seconds.
    const breach = await Promise.all(Array.from({ length: 20 }, (_, i) => send(i, { at: start + 10_000 + i, consumer: `reporter-${i}`, errors: 60 })));
    expect(breach.map((r) => r.status)).toEqual(Array(20).fill(202));
    const open = await servers[1]!.json<{ items: { consumers: string[]; resolvedAt: string | null }[] }>('GET', '/api/v1/incidents?contract=stock-api&env=prod');
    expect(open.body.items).toHaveLength(1);
    expect(open.body.items[0]!.resolvedAt).toBeNull();
    // A minute of healthy traffic later, the same burst of reporters resolves it, once.
    await Promise.all(Array.from({ length: 20 }, (_, i) => send(i, { at: start + 80_000 + i, consumer: `reporter-${i}` })));
    const all = await servers[0]!.json<{ items: { resolvedAt: string | null }[] }>('GET', '/api/v1/incidents?contract=stock-api&env=prod');
    expect(all.body.items).toHaveLength(1);
    expect(all.body.items[0]!.resolvedAt).not.toBeNull();
  });
});
