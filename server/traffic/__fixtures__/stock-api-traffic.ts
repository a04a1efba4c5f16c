import { expect } from 'vitest';
import { stringify } from 'yaml';
import { latencyBucketOf, type TrafficWindow } from '../../shared/index.js';
import type { TestServer } from '../../test-support/test-server.js';

export const stockApi = stringify({
  openapi: '3.1.0',
  info: { title: 'Stock API', version: '1.0.0' },
  paths: {
    '/stock/{sku}': { get: { operationId: 'getStock', responses: { '200': { description: 'stock level' } } } },
    '/reservations': { post: { operationId: 'reserve', responses: { '201': { description: 'reserved' } } } },
  },
});

/**
 * Contract `stock-api` 1.0.0 of system `inventory` (team `supply-chain`), the given environments,
 * and a `traffic:write` key of the owning team.
 */
export async function setUpStockApi(server: TestServer, environments: readonly string[]): Promise<{ trafficKey: string }> {
  const made = async <T>(path: string, body: unknown) => {
    const res = await server.json<T>('POST', `/api/v1${path}`, body);
    expect(res.status, `POST ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    return res.body;
  };
  await made('/teams', { slug: 'supply-chain', name: 'Supply Chain' });
  await made('/systems', { slug: 'inventory', name: 'Inventory', team: 'supply-chain', domain: 'retail' });
  await made('/contracts', { slug: 'stock-api', name: 'Stock API', system: 'inventory' });
  await made('/contracts/stock-api/versions', { version: '1.0.0', document: stockApi });
  for (const slug of environments) await made('/environments', { slug, name: slug });
  return { trafficKey: (await made<{ key: string }>('/api-keys', { name: 'proxy', team: 'supply-chain', scopes: ['traffic:write'] })).key };
}

let counter = 0;

export interface WindowOptions {
  /** When the window ended, in ms since the epoch. */
  at: number;
  seconds?: number;
  operation?: string;
  consumer?: string;
  requests?: number;
  /** How many of the requests were answered 500. */
  errors?: number;
  /** What every request took. */
  latencyMs?: number;
  environment?: string;
  extra?: Partial<TrafficWindow>;
}

/** A window of `stock-api` 1.0.0 with one operation × consumer cell and an id of its own. */
export function stockApiWindow({ at, seconds = 10, operation = 'GET /stock/{sku}', consumer = 'pos', requests = 100, errors = 0, latencyMs = 20, environment = 'dev', extra = {} }: WindowOptions): TrafficWindow {
  return {
    id: `window-${process.pid}-${++counter}-${at}`,
    contract: 'stock-api',
    environment,
    version: '1.0.0',
    source: 'proxy',
    reporter: 'test:1',
    startedAt: new Date(at - seconds * 1000).toISOString(),
    endedAt: new Date(at).toISOString(),
    operations: [{ operation, consumer, requests, status: { '2xx': requests - errors, '5xx': errors }, transportErrors: 0, violations: 0, latency: [[latencyBucketOf(latencyMs), requests]], latencySumMs: requests * latencyMs }],
    violations: [],
    undocumented: [],
    ...extra,
  };
}
