import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAccordClient } from '../cli/accord-client.js';
import { loadDeployedDocument } from '../cli/load-deployed-document.js';
import type { TrafficWindow } from '../shared/index.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import { compileHttpContract, createTrafficRecorder, createWindowReporter, startProxy } from './index.js';
import { startInventoryUpstream } from './__fixtures__/inventory-upstream.js';

const source = await readFile(new URL('../../specs/examples/retail/inventory-stock-api/1.1.0.yaml', import.meta.url), 'utf8');
const STOCK = '/api/v1/stores/0412/stock/4006381333931';
const eventually = <T>(check: () => Promise<T> | T) => vi.waitFor(check, { timeout: 20_000, interval: 1000 });

let server: TestServer;
let apiKey: string;
let spoolRoot: string;

beforeAll(async () => {
  server = await startTestServer();
  spoolRoot = await mkdtemp(join(tmpdir(), 'accord-spool-'));
  await server.json('POST', '/api/v1/teams', { slug: 'supply-chain', name: 'Supply Chain' });
  await server.json('POST', '/api/v1/systems', { slug: 'inventory', name: 'Inventory', team: 'supply-chain', domain: 'retail' });
  await server.json('POST', '/api/v1/contracts', { slug: 'inventory-stock-api', name: 'Inventory Stock API', system: 'inventory' });
  expect((await server.json('POST', '/api/v1/contracts/inventory-stock-api/versions', { version: '1.1.0', document: source })).status).toBe(201);
  for (const slug of ['dev', 'staging', 'prod']) await server.json('POST', '/api/v1/environments', { slug, name: slug });
  expect((await server.json('POST', '/api/v1/contracts/inventory-stock-api/deployments', { environment: 'dev', version: '1.1.0', address: 'http://127.0.0.1:4011/api/v1' })).status).toBe(201);
  apiKey = (await server.json<{ key: string }>('POST', '/api/v1/api-keys', { name: 'proxy', team: 'supply-chain', scopes: ['traffic:write'] })).body.key;
}, 300_000);
afterAll(async () => {
  await server?.close();
  await rm(spoolRoot, { recursive: true, force: true });
});

/** The proxy of `accord proxy`, in this process: upstream, recorder, reporter to the test registry. */
async function proxyFor(environment: string, { flushIntervalMs, onWindow = () => undefined }: { flushIntervalMs: number; onWindow?: (w: TrafficWindow) => void }) {
  const { document, version } = await loadDeployedDocument(createAccordClient({ server: server.url, token: apiKey }), { contract: 'inventory-stock-api', environment: 'dev' });
  const upstream = await startInventoryUpstream();
  const reporter = createWindowReporter({ registryUrl: server.url, apiKey, spoolDir: join(spoolRoot, environment), warn: () => undefined, retryBaseMs: 50, retryMaxMs: 200 });
  const recorder = createTrafficRecorder({
    contract: 'inventory-stock-api',
    environment,
    version,
    source: 'proxy',
    flushIntervalMs,
    onWindow: (window) => {
      void reporter.report(window);
      onWindow(window);
    },
  });
  const proxy = await startProxy({ contract: compileHttpContract(document), recorder, upstream: upstream.url, contractSlug: 'inventory-stock-api', environment, port: 0, host: '127.0.0.1', metricsPort: null, consumerHeader: 'x-consumer' });
  recorder.start();
  return {
    upstream,
    proxy,
    async close() {
      recorder.stop();
      await proxy.close();
      await upstream.close();
      await reporter.close();
      return reporter.stats();
    },
  };
}

/**
 * `clients` loops sending requests through the proxy until `stop` is called, noting when the first
 * and the last bad answer (a 5xx, or slower than `slowMs`) arrived: the outage as clients saw it.
 */
function load(url: string, { clients = 4, slowMs = Infinity } = {}) {
  let running = true;
  const bad = { first: 0, last: 0 };
  const loops = Array.from({ length: clients }, async () => {
    while (running) {
      const started = Date.now();
      const status = await fetch(url, { headers: { 'x-consumer': 'pos' } })
        .then(async (r) => (await r.arrayBuffer(), r.status))
        .catch(() => 599);
      const now = Date.now();
      if (status >= 500 || now - started > slowMs) {
        bad.first ||= started;
        bad.last = now;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  });
  return {
    bad,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

const report = async (environment: string) => (await server.json<{ totals: { requests: number; errors: number; errorRate: number; violations: number }; recentViolations: { rule: string; pointer: string }[] }>('GET', `/api/v1/contracts/inventory-stock-api/traffic?env=${environment}`)).body;
const incidents = async (environment: string) => (await server.json<{ items: { kind: string; openedAt: string; resolvedAt: string | null; durationMs: number | null }[] }>('GET', `/api/v1/incidents?contract=inventory-stock-api&env=${environment}`)).body.items;

describe('accord proxy reporting to the registry', () => {
  it('reports an error rate within half a point of the 5 % of 500s the upstream answers, and its violations', async () => {
    const running = await proxyFor('dev', { flushIntervalMs: 200 });
    running.upstream.faults.errorRate = 0.05;
    const total = 1000;
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < total) {
          next++;
          await fetch(running.proxy.url + STOCK).then((r) => r.arrayBuffer());
        }
      }),
    );
    running.upstream.faults.errorRate = 0;
    await fetch(running.proxy.url + STOCK, { headers: { 'x-fault': 'wrong-type' } }).then((r) => r.arrayBuffer());
    const stats = await running.close();
    expect(stats).toMatchObject({ dropped: 0, rejected: 0, spooled: 0 });

    const { totals, recentViolations } = await report('dev');
    expect(totals.requests).toBe(total + 1);
    expect(Math.abs(totals.errors / totals.requests - 0.05)).toBeLessThanOrEqual(0.005);
    // The contract documents no 500 for this operation: each injected failure is a violation too.
    expect(totals.violations).toBe(total / 20 + 1);
    expect(recentViolations).toContainEqual(expect.objectContaining({ rule: 'response-body-schema', pointer: '/response/body/quantityOnHand' }));
  });

  it.each([
    { environment: 'staging', kind: 'errors', slo: { errorRate: 0.01, p95Ms: 60_000 }, fault: 'down' },
    { environment: 'prod', kind: 'latency', slo: { errorRate: 1, p95Ms: 500 }, fault: 'slow' },
  ] as const)('opens and resolves exactly one $kind incident for an upstream $fault for 3 s, its duration within one flush interval', async ({ environment, kind, slo, fault }) => {
    // A little over the objective's 1 s window, so that each evaluation sees the last window alone.
    const flushIntervalMs = 1100;
    expect((await server.json('PATCH', `/api/v1/contracts/inventory-stock-api/slos/${environment}`, { ...slo, windowSeconds: 1, openAfter: 2, resolveAfter: 2 })).status).toBe(200);
    // The fault starts and ends as a window closes, so the windows say exactly when it happened.
    let windows = 0;
    let faultStarted = 0;
    let faultEnded = 0;
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    const running = await proxyFor(environment, {
      flushIntervalMs,
      onWindow: (window) => {
        windows++;
        if (windows === 3) {
          faultStarted = Date.parse(window.endedAt);
          if (fault === 'down') void running.upstream.stop();
          else running.upstream.faults.delayMs = 1000;
        } else if (windows === 6) {
          faultEnded = Date.parse(window.endedAt);
          if (fault === 'down') void running.upstream.start();
          else running.upstream.faults.delayMs = 0;
        } else if (windows === 10) done();
      },
    });
    const traffic = load(running.proxy.url + STOCK, { slowMs: slo.p95Ms });
    await finished;
    await traffic.stop();
    await running.close();

    const found = await eventually(async () => {
      const items = await incidents(environment);
      expect(items.filter((i) => i.resolvedAt !== null)).toHaveLength(1);
      return items;
    });
    expect(found).toHaveLength(1);
    expect(found[0]!.kind).toBe(kind);
    // Windows round the outage out to their edges: the fault starts as one closes, and the last bad
    // answers (requests in flight as it ended) land early in the window after it.
    expect(traffic.bad.last - traffic.bad.first).toBeGreaterThanOrEqual(faultEnded - faultStarted - flushIntervalMs);
    expect(Math.abs(found[0]!.durationMs! - (traffic.bad.last - traffic.bad.first))).toBeLessThanOrEqual(flushIntervalMs);
  });
});
