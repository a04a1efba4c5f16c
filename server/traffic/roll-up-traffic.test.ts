import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/index.js';
import { createPgliteLocation, openTestDatabase } from '../test-support/test-database.js';
import { startTestServer } from '../test-support/test-server.js';
import { setUpStockApi, stockApiWindow } from './__fixtures__/stock-api-traffic.js';
import { pruneTraffic } from './prune-traffic.js';
import { queryTraffic } from './query-traffic.js';
import { resolveScope } from './resolve-scope.js';
import { rollUpTraffic } from './roll-up-traffic.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.parse('2026-11-20T10:00:00Z');
const clockAt = (ms: number) => ({ now: () => new Date(ms) });

describe('hourly rollups and retention', () => {
  let database: Database;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const owned = await createPgliteLocation();
    cleanup = owned.cleanup;
    const server = await startTestServer({ location: owned.location, env: { ACCORD_TRAFFIC_RETENTION_DAYS: '3650' } });
    const { trafficKey } = await setUpStockApi(server, ['dev']);
    // Two hours of traffic: 10:00–11:00 (two windows) and 11:00–12:00 (one, 10 % errors, slower).
    const windows = [
      stockApiWindow({ at: T0 + 10 * 60_000, requests: 300, errors: 0, latencyMs: 20 }),
      stockApiWindow({ at: T0 + 50 * 60_000, requests: 100, errors: 4, latencyMs: 20, consumer: 'erp' }),
      stockApiWindow({ at: T0 + 70 * 60_000, requests: 100, errors: 10, latencyMs: 80 }),
    ];
    expect((await server.json('POST', '/api/v1/traffic/windows', { windows }, { token: trafficKey })).status).toBe(202);
    await server.close();
    database = await openTestDatabase(owned.location);
  });
  afterAll(async () => {
    await database?.close();
    await cleanup?.();
  });

  it('rolls up ended hours only, and answers long ranges from the rollups once the raw windows are pruned', async () => {
    const db = database.db;
    const scope = await resolveScope(db, 'stock-api', 'dev');
    const range = { from: new Date(T0 - DAY), to: new Date(T0 + 5 * DAY), retentionDays: 3650 };
    const before = await queryTraffic(db, scope, range);
    expect(before.resolution).toBe('hourly');
    // At 11:30 only the 10:00 hour has ended.
    expect(await rollUpTraffic({ db, clock: clockAt(T0 + 90 * 60_000) })).toBe(1);
    expect(await rollUpTraffic({ db, clock: clockAt(T0 + 3 * HOUR) })).toBe(1);
    expect(await rollUpTraffic({ db, clock: clockAt(T0 + 3 * HOUR) })).toBe(0);
    // Thirty days later, with a 14-day retention, every raw window goes; the rollups stay.
    expect(await pruneTraffic({ db, clock: clockAt(T0 + 30 * DAY), retentionDays: 14 })).toBe(3);
    const after = await queryTraffic(db, scope, range);
    expect(after.totals).toEqual(before.totals);
    expect(after.totals).toMatchObject({ requests: 500, errors: 14, errorRate: 14 / 500 });
    expect(after.consumers.map((c) => [c.consumer, c.requests, c.errors])).toEqual([
      ['pos', 400, 10],
      ['erp', 100, 4],
    ]);
    expect(after.series.stepSeconds).toBeGreaterThanOrEqual(3600);
    // A short range over pruned raw windows has nothing left to show.
    const raw = await queryTraffic(db, scope, { from: new Date(T0), to: new Date(T0 + 2 * HOUR), retentionDays: 3650 });
    expect(raw).toMatchObject({ resolution: 'raw', totals: { requests: 0 } });
  });
});
