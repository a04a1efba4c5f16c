import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { exportSpans, recordCalls, type Call } from './otlp/__fixtures__/export-spans.js';
import { packageRoot, type Clock } from './shared/index.js';
import { runAccord } from './test-support/run-accord.js';
import { startTestServer, type TestServer } from './test-support/test-server.js';
import { startInventoryUpstream } from './tester/__fixtures__/inventory-upstream.js';

/*
 * The worked example of "whom does a change break", on the seeded landscape: the Inventory Stock
 * API (retail) runs 2.0.0 in staging, where the point of sale (pos, team store-platform) reads stock
 * per SKU and the web shop (e-commerce, team digital-channels) lists a store's stock, an operation
 * no subscription names. Their calls go through a real `accord proxy` and, later, arrive as spans
 * from the OpenTelemetry SDK's own exporter. The inventory team opts into usage-aware gating and
 * asks, with the real `accord` command, what its next changes would break and whether 3.0.0
 * (without the store stock list) can go to staging. The web shop moves to store availability;
 * Accord answers yes once its last call of the list has left the contract's look-back, which the
 * server's clock reaches by being moved forward. Spans from the banking and manufacturing consumers
 * land on their own seeded contracts along the way.
 */

const CONTRACT = 'inventory-stock-api';
const LOOK_BACK_DAYS = 7;
const DAY_MS = 86_400_000;
const STAGING = { host: 'inventory.staging.retail.example.com', port: 443 };
const STOCK_OF_SKU = '/api/v2/stores/0412/stock/4006381333931';
const STORE_STOCK = '/api/v2/stores/0412/stock';
// As OpenTelemetry records it: `url.path` without the query (`url.query` holds that).
const AVAILABILITY = '/api/v2/skus/4006381333931/store-availability';

/** The server's time runs `shiftMs` ahead of the wall clock's. */
let shiftMs = 0;
const clock: Clock = { now: () => new Date(Date.now() + shiftMs) };

let server: TestServer;
let trafficKey: string;
let bankingTrafficKey: string;
let workDir: string;
const accord = (...args: string[]) => runAccord(args, { server: server.url });

/** The seeded 2.0.0 document of the contract, changed by `edit`, written where `accord check` can read it. */
async function candidate(name: string, edit: (document: { info: { version: string }; paths: Record<string, Record<string, unknown>> }) => void): Promise<string> {
  const document = parse(await readFile(join(packageRoot(), 'specs/examples/retail/inventory-stock-api/2.0.0.yaml'), 'utf8'));
  edit(document);
  const file = join(workDir, `${name}.yaml`);
  await writeFile(file, stringify(document));
  return file;
}

/** `accord proxy` as its own process, as it runs in front of a service; resolves once it listens. */
async function startAccordProxy(args: string[]) {
  // Not under exit-with-parent: its open stdin would keep the proxy alive after SIGTERM, since the
  // command sets an exit code and lets the event loop end rather than calling process.exit.
  const child = spawn(process.execPath, [inject('cliEntry'), 'proxy', ...args], {
    cwd: packageRoot(),
    env: { ...process.env, ACCORD_URL: server.url, ACCORD_TOKEN: trafficKey, SCARF_ANALYTICS: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => {
      try {
        resolve((JSON.parse(line) as { url: string }).url);
      } catch {
        child.kill('SIGKILL');
        reject(new Error(`accord proxy said "${line}" instead of its --json summary`));
      }
    });
    void exited.then((code) => reject(new Error(`accord proxy exited with ${code} before it listened: ${stderr}`)));
  });
  return {
    url,
    /** SIGTERM: the proxy reports its last window, then exits. */
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** `times` requests from `consumer`, as the proxy names it from the x-consumer header. */
async function call(url: string, consumer: string, times: number) {
  for (let i = 0; i < times; i++) {
    const response = await fetch(url, { headers: { 'x-consumer': consumer } });
    await response.arrayBuffer();
    expect(response.status).toBe(200);
  }
}

/** Calls as both sides' instrumentation records them, the last ending a minute before the server's now. */
function spansOf(calls: Omit<Call, 'host' | 'port' | 'status' | 'latencyMs'>[], { provider = 'inventory', at = STAGING }: { provider?: string; at?: { host: string; port: number } } = {}) {
  const startAt = clock.now().getTime() - 60_000 - calls.length * 1000;
  return recordCalls(
    calls.map((c) => ({ ...c, ...at, status: 200, latencyMs: 20 })),
    { provider, at: startAt },
  );
}

const times = <T>(n: number, value: T): T[] => Array.from({ length: n }, () => value);

beforeAll(async () => {
  server = await startTestServer({ seed: true, clock });
  workDir = await mkdtemp(join(tmpdir(), 'accord-whom-'));
  const key = await server.json<{ key: string }>('POST', '/api/v1/api-keys', { name: 'inventory traffic', team: 'supply-chain', scopes: ['traffic:write'] });
  expect(key.status).toBe(201);
  trafficKey = key.body.key;
  bankingTrafficKey = (await server.json<{ key: string }>('POST', '/api/v1/api-keys', { name: 'ledger traffic', team: 'core-banking', scopes: ['traffic:write'] })).body.key;
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

type UsageReport = { operations: { operation: string; consumer: string; requests: number; declared: boolean }[]; shadowConsumers: { consumer: string; team: string | null }[] };
const usageReport = async (environment: string, contract = CONTRACT) => (await server.json<UsageReport>('GET', `/api/v1/contracts/${contract}/usage?env=${environment}`)).body;
const usageIn = async (environment: string, contract = CONTRACT) => (await usageReport(environment, contract)).operations.map(({ operation, consumer, requests, declared }) => ({ operation, consumer, requests, declared }));

describe('whom a change breaks, on the seeded landscape', () => {
  it('counts what two consumers call through accord proxy, each its own operation', async () => {
    const upstream = await startInventoryUpstream();
    try {
      const proxy = await startAccordProxy(['--contract', CONTRACT, '--env', 'staging', '--upstream', upstream.url, '--port', '0', '--host', '127.0.0.1', '--consumer-header', 'x-consumer', '--flush-interval', '1h', '--metrics-port', 'off', '--spool-dir', join(workDir, 'spool'), '--json']);
      try {
        await call(proxy.url + STOCK_OF_SKU, 'pos', 5);
        await call(proxy.url + STORE_STOCK, 'e-commerce', 3);
      } finally {
        expect(await proxy.stop()).toBe(0);
      }
    } finally {
      await upstream.close();
    }
    expect(await usageIn('staging')).toEqual([
      { operation: 'GET /stores/{storeId}/stock/{sku}', consumer: 'pos', requests: 5, declared: true },
      // No subscription names the store stock list: only the traffic says the web shop reads it.
      { operation: 'GET /stores/{storeId}/stock', consumer: 'e-commerce', requests: 3, declared: false },
    ]);
  });

  it('maps the banking and manufacturing consumers\' spans to their own seeded contracts in production', async () => {
    const ledger = spansOf([...times(2, { consumer: 'analytics', method: 'GET', path: '/v1/accounts/ACC-00018273/transactions' }), ...times(3, { consumer: 'crm', method: 'GET', path: '/v1/accounts' })], { provider: 'core-banking', at: { host: 'accounts.core.bank.example.com', port: 443 } });
    const erp = spansOf(times(2, { consumer: 'mes', method: 'PUT', path: '/production/v1/production-orders/1000451/status' }), { provider: 'erp', at: { host: 'erp-api.manufacturing.example.com', port: 443 } });
    expect(await exportSpans(ledger, { url: server.url, key: bankingTrafficKey, encoding: 'protobuf', gzip: true })).toEqual({ code: 0 });
    expect(await exportSpans(erp, { url: server.url, key: trafficKey, encoding: 'json' })).toEqual({ code: 0 });
    const banking = await usageReport('prod', 'core-banking-accounts-api');
    expect(banking.operations.map(({ operation, consumer, requests, declared }) => ({ operation, consumer, requests, declared }))).toEqual([
      { operation: 'GET /accounts', consumer: 'crm', requests: 3, declared: false },
      { operation: 'GET /accounts/{accountId}/transactions', consumer: 'analytics', requests: 2, declared: true },
    ]);
    // The CRM holds no subscription to the ledger's accounts: the traffic alone shows it there.
    expect(banking.shadowConsumers).toEqual([expect.objectContaining({ consumer: 'crm', team: 'digital-channels' })]);
    expect(await usageIn('prod', 'erp-production-orders-api')).toEqual([{ operation: 'PUT /production-orders/{orderNumber}/status', consumer: 'mes', requests: 2, declared: true }]);
  });

  it('under usage-aware gating fails a breaking change to an operation one consumer calls, naming that consumer and its team alone', async () => {
    const settings = await accord('usage', 'settings', CONTRACT, '--gating', 'usage-aware', '--days', String(LOOK_BACK_DAYS));
    expect(settings.code).toBe(0);
    const file = await candidate('category-required', (document) => {
      const list = document.paths['/stores/{storeId}/stock']!.get as { parameters: { name?: string; required?: boolean }[] };
      list.parameters.find((p) => p.name === 'categoryId')!.required = true;
    });
    const run = await accord('check', file, '--contract', CONTRACT, '--version', '2.1.0');
    expect(run.code).toBe(1);
    const affects = run.stdout.split('\n').filter((line) => line.trim().startsWith('affects '));
    expect(affects).toEqual([expect.stringMatching(/^\s+affects e-commerce \(team digital-channels, 3 requests, last \S+\)$/)]);
    expect(run.stdout).toMatch(/usage-aware gating: 1 breaking change reaches consumers and fails the check: e-commerce \(team digital-channels, last seen \S+\)$/m);
    expect(run.stdout).not.toMatch(/\bpos \(/);
  });

  it('passes a breaking change to an operation nobody declares or calls, and says why', async () => {
    const file = await candidate('reservation-lookup-removed', (document) => {
      delete document.paths['/reservations/{reservationId}']!.get;
    });
    const run = await accord('check', file, '--contract', CONTRACT, '--version', '2.1.0');
    expect(run.stdout).toMatch(/operation GET \/reservations\/\{reservationId\} was removed/);
    expect(run.stdout).not.toContain('affects');
    expect(run.stdout).toContain(`usage-aware gating: 1 breaking change no declared or observed consumer uses (${LOOK_BACK_DAYS} days, at least 1 request), so it does not fail the check`);
    expect(run.code).toBe(0);
  });

  it('can-i-deploy says no to 3.0.0 while the web shop still calls the store stock list it removes, and yes once it has moved', async () => {
    // The contract step of an expand-and-contract migration: 3.0.0 drops the list; store availability stays.
    const contracted = parse(await readFile(await candidate('3.0.0', (document) => {
      document.info.version = '3.0.0';
      delete document.paths['/stores/{storeId}/stock'];
    }), 'utf8'));
    expect((await server.json('POST', `/api/v1/contracts/${CONTRACT}/versions`, { version: '3.0.0', document: stringify(contracted) })).status).toBe(201);
    const ask = () => accord('can-i-deploy', '--contract', CONTRACT, '--version', '3.0.0', '--to', 'staging');

    const before = await ask();
    expect(before.code).toBe(1);
    expect(before.stdout).toMatch(/^No: deploying inventory-stock-api 3.0.0 to staging/);
    expect(before.stdout).toMatch(/✗ e-commerce \(subscribed, observed 3 requests in 7 days, last \S+\) is broken by 2.0.0 → 3.0.0: path \/stores\/\{storeId\}\/stock was removed with GET \/stores\/\{storeId\}\/stock$/m);
    expect(before.stdout).toMatch(/✓ pos \(subscribed, observed 5 requests in 7 days, last \S+\) uses nothing 2.0.0 → 3.0.0 breaks$/m);

    // The web shop ships a release that asks store availability instead; production instrumentation
    // (the OpenTelemetry SDK, both sides of each call) now reports the two consumers' traffic.
    const moved = () => spansOf([...times(4, { consumer: 'e-commerce', method: 'GET', path: AVAILABILITY }), ...times(4, { consumer: 'pos', method: 'GET', path: STOCK_OF_SKU })]);
    expect(await exportSpans(moved(), { url: server.url, key: trafficKey, encoding: 'protobuf' })).toEqual({ code: 0 });
    expect(await usageIn('staging')).toContainEqual({ operation: 'GET /skus/{sku}/store-availability', consumer: 'e-commerce', requests: 4, declared: true });
    // Its calls of the list are still inside the look-back: nothing says they will not come back.
    const justMoved = await server.json<{ answer: string; reasons: { consumer: string | null; answer: string }[] }>('POST', '/api/v1/can-i-deploy', { contract: CONTRACT, version: '3.0.0', environment: 'staging' });
    expect(justMoved.body.answer).toBe('no');
    expect(justMoved.body.reasons.filter((r) => r.answer === 'no').map((r) => r.consumer)).toEqual(['e-commerce']);

    // A look-back later, during which both kept calling only what they call now.
    shiftMs += (LOOK_BACK_DAYS + 1) * DAY_MS;
    expect(await exportSpans(moved(), { url: server.url, key: trafficKey, encoding: 'json', gzip: true })).toEqual({ code: 0 });
    const after = await ask();
    expect(after.stdout).toMatch(/^Yes: deploying inventory-stock-api 3.0.0 to staging/);
    expect(after.stdout).toMatch(/✓ e-commerce \(subscribed, observed 4 requests in 7 days, last \S+\) uses nothing 2.0.0 → 3.0.0 breaks$/m);
    expect(after.stdout).toMatch(/✓ pos \(subscribed, observed 4 requests in 7 days, last \S+\) uses nothing 2.0.0 → 3.0.0 breaks$/m);
    expect(after.code).toBe(0);
  });
});
