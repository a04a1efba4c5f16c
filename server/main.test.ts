import { afterAll, describe, expect, it } from 'vitest';
import { createPgliteLocation } from './test-support/test-database.js';
import { startTestServer } from './test-support/test-server.js';

describe('starting Accord on an empty database', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it('seeds the example landscape once, and not again on restart', async () => {
    const { location, cleanup } = await createPgliteLocation();
    cleanups.push(cleanup);
    const first = await startTestServer({ seed: true, location });
    const contracts = await first.json<{ items: { slug: string; latestVersion: string; lifecycle: string }[] }>('GET', '/api/v1/contracts?limit=200');
    expect(contracts.body.items.length).toBeGreaterThanOrEqual(7);
    expect(contracts.body.items.every((c) => c.latestVersion !== null)).toBe(true);
    const kinds = await first.json<{ items: { kind: string }[] }>('GET', '/api/v1/contracts?kind=asyncapi');
    expect(kinds.body.items.length).toBeGreaterThanOrEqual(3);
    const matrix = await first.json<{ rows: unknown[] }>('GET', '/api/v1/deployments');
    expect(matrix.body.rows.length).toBeGreaterThan(0);
    const approved = await first.json<{ items: { status: string }[] }>('GET', '/api/v1/contracts/inventory-stock-api/subscriptions?status=approved');
    expect(approved.body.items.length).toBeGreaterThan(0);
    // Deprecated the way any contract is: through the deprecate operation, with a sunset.
    const legacy = await first.json<{ lifecycle: string; sunsetAt: string | null }>('GET', '/api/v1/contracts/legacy-loyalty-api');
    expect(legacy.body).toMatchObject({ lifecycle: 'deprecated', sunsetAt: expect.any(String) });
    await first.close();

    const second = await startTestServer({ seed: true, location });
    const again = await second.json<{ items: unknown[] }>('GET', '/api/v1/contracts?limit=200');
    expect(again.body.items.length).toBe(contracts.body.items.length);
    await second.close();
  });

  it('serves its own API description', async () => {
    const server = await startTestServer();
    const res = await server.json<{ openapi: string; paths: object }>('GET', '/api/v1/openapi.json');
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toContain('/contracts/{contract}/versions');
    await server.close();
  });
});
