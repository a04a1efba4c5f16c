import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/index.js';
import { createPgliteLocation, createPostgresLocation, openTestDatabase, postgresUrl } from '../test-support/test-database.js';
import { startTestServer } from '../test-support/test-server.js';
import { setUpStockApi, stockApiWindow } from './__fixtures__/stock-api-traffic.js';
import { pruneTraffic } from './prune-traffic.js';
import { readObservedUsage } from './read-observed-usage.js';
import { resolveScope } from './resolve-scope.js';
import { rollUpTraffic } from './roll-up-traffic.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.parse('2026-11-20T10:00:00Z');
const clockAt = (ms: number) => ({ now: () => new Date(ms) });

// The same SQL on both databases: PostgreSQL only when the run was given one (npm run test:postgres).
const databases = [{ name: 'PGlite', create: createPgliteLocation }, ...(postgresUrl ? [{ name: 'PostgreSQL', create: createPostgresLocation }] : [])];

describe.each(databases)('observed usage on $name', ({ create }) => {
  let database: Database;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const owned = await create();
    cleanup = owned.cleanup;
    const server = await startTestServer({ location: owned.location, env: { ACCORD_TRAFFIC_RETENTION_DAYS: '3650' } });
    const { trafficKey } = await setUpStockApi(server, ['dev', 'prod']);
    const windows = [
      stockApiWindow({ at: T0 + 10 * 60_000, requests: 300 }),
      stockApiWindow({ at: T0 + 50 * 60_000, requests: 100, consumer: 'erp', operation: 'POST /reservations' }),
      stockApiWindow({ at: T0 + 70 * 60_000, requests: 100 }),
      stockApiWindow({ at: T0 + 80 * 60_000, requests: 7, environment: 'prod' }),
    ];
    expect((await server.json('POST', '/api/v1/traffic/windows', { windows }, { token: trafficKey })).status).toBe(202);
    await server.close();
    database = await openTestDatabase(owned.location);
  });
  afterAll(async () => {
    await database?.close();
    await cleanup?.();
  });

  const usage = async (from: number, to: number, environment?: string) => {
    const db = database.db;
    const { contractId, environmentId } = await resolveScope(db, 'stock-api', environment ?? 'dev');
    const uses = await readObservedUsage(db, { contractId, from: new Date(from), to: new Date(to), ...(environment !== undefined && { environmentId }) });
    return uses.map((u) => [u.environment, u.operation, u.consumer, u.requests, u.lastSeenAt.toISOString()]).sort();
  };

  it('counts each request once whether its hour is rolled up, pending, or its raw windows pruned', async () => {
    const range = [T0 - DAY, T0 + 5 * DAY] as const;
    const expected = [
      ['dev', 'GET /stock/{sku}', 'pos', 400, new Date(T0 + 70 * 60_000).toISOString()],
      ['dev', 'POST /reservations', 'erp', 100, new Date(T0 + 50 * 60_000).toISOString()],
      ['prod', 'GET /stock/{sku}', 'pos', 7, new Date(T0 + 80 * 60_000).toISOString()],
    ];
    expect(await usage(...range)).toEqual(expected);
    // The 10:00 hour rolled up, 11:00 still pending: the same counts, last-seen times from the raw windows.
    await rollUpTraffic({ db: database.db, clock: clockAt(T0 + 90 * 60_000) });
    expect(await usage(...range)).toEqual(expected);
    await rollUpTraffic({ db: database.db, clock: clockAt(T0 + 3 * HOUR) });
    expect(await usage(...range)).toEqual(expected);
    expect(await usage(...range, 'prod')).toEqual([expected[2]]);
    // Once the raw windows are pruned, a last-seen time is the end of its newest hour.
    await pruneTraffic({ db: database.db, clock: clockAt(T0 + 30 * DAY), retentionDays: 14 });
    expect(await usage(...range)).toEqual([
      ['dev', 'GET /stock/{sku}', 'pos', 400, new Date(T0 + 2 * HOUR).toISOString()],
      ['dev', 'POST /reservations', 'erp', 100, new Date(T0 + HOUR).toISOString()],
      ['prod', 'GET /stock/{sku}', 'pos', 7, new Date(T0 + 2 * HOUR).toISOString()],
    ]);
    // A range that ends before any traffic sees none.
    expect(await usage(T0 - DAY, T0)).toEqual([]);
  });
});
