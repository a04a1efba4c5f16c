import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadServerConfig } from '../server/config.js';
import { startServer } from '../server/main.js';
import { createSpanMapper, decodeTraceRequest, otlpTraceProto, spansToWindows } from '../server/otlp/index.js';
import type { BenchmarkReport, TargetResult } from './benchmark-report.js';
import { benchAuthEnv, benchAuthHeader } from './bench-credentials.js';
import { createBenchDatabase } from './create-bench-database.js';
import { formatBytes } from './format-bytes.js';
import { median } from './median.js';
import { runConcurrently } from './run-concurrently.js';

export interface OtlpBenchOptions {
  runs?: number;
  /** Export requests per run, each its own batch. */
  batches?: number;
  /** Calls per batch; each call is a client span and a server span, so a batch holds twice as many spans. */
  callsPerBatch?: number;
  clients?: number;
  postgresAdminUrl?: string;
  /** Spans accepted and mapped per second through HTTP, at least this share of decoding the same bytes alone. */
  minFloorRatio?: number;
}

const RESOURCES = 25;
const HOST = 'orders.bench.test';
const CONSUMERS = ['pos', 'erp', 'web-shop', 'billing'];

/**
 * OTLP ingest: spans per second that `POST /v1/traces` accepts and maps to operations, with the
 * registry on PGlite and on PostgreSQL, next to a floor measured in the same run: decoding the
 * same protobuf payloads alone, which no ingest can beat. Every run sends batches it has not sent
 * before, since a batch sent again is a duplicate and costs far less than a new one.
 */
export async function otlpBench({ runs = 5, batches = 12, callsPerBatch = 2000, clients = 2, postgresAdminUrl = 'postgres://postgres@127.0.0.1:5432/postgres', minFloorRatio = 0.25 }: OtlpBenchOptions = {}): Promise<BenchmarkReport> {
  const spansPerRun = batches * callsPerBatch * 2;
  const payloadsOf = () => Array.from({ length: batches }, () => encodeBatch({ calls: callsPerBatch }));
  // One set of payloads per timed run and one for warm-up, made up front so encoding is billed to no one.
  const payloads = Array.from({ length: runs + 1 }, payloadsOf);
  const averageBytes = payloads.flat().reduce((sum, p) => sum + p.length, 0) / (payloads.length * batches);

  const rows: string[][] = [];
  const targets: TargetResult[] = [];
  // Accord's own work without HTTP or a database: decoding, mapping every span and aggregating windows.
  const mapSpan = createSpanMapper([{ contract: 'orders-api', environment: 'prod', version: '1.0.0', teamId: 'bench', kind: 'openapi', address: `http://${HOST}:8080/api`, operations: operationKeys(), document: ordersDocument() }]);
  const spansPerSecond = (work: () => void) => {
    const started = performance.now();
    work();
    return spansPerRun / ((performance.now() - started) / 1000);
  };
  // Alternated run by run, so a burst of load from elsewhere on the machine falls on both alike.
  const floorRates: number[] = [];
  const mappingRates: number[] = [];
  for (let run = 0; run <= runs; run++) {
    const batchesOfRun = payloads[run]!;
    const decoded = spansPerSecond(() => batchesOfRun.forEach((payload) => decodeTraceRequest(payload, 'protobuf')));
    const mapped = spansPerSecond(() => batchesOfRun.forEach((payload, b) => spansToWindows({ spans: decodeTraceRequest(payload, 'protobuf').spans, mapSpan, batchId: String(b), oldestMs: 0 })));
    if (run === 0) continue;
    floorRates.push(decoded);
    mappingRates.push(mapped);
  }
  const floor = median(floorRates);
  const mapping = median(mappingRates);
  rows.push(['—', 'decodeTraceRequest alone (floor), one thread', rate(floor), '1.00×', '', '']);
  rows.push(['—', 'decode + map + aggregate into windows, no HTTP or database', rate(mapping), `${(mapping / floor).toFixed(2)}×`, rate(mapping / 2), '']);

  const measure = async (label: string, env: Record<string, string>) => {
    const server = await startServer(loadServerConfig({ PORT: '0', HOST: '127.0.0.1', ACCORD_SEED: 'false', LOG_LEVEL: 'silent', ...benchAuthEnv, ...env }));
    try {
      const key = await setUp(server.url);
      const send = async (body: Uint8Array<ArrayBuffer>) => {
        const res = await fetch(`${server.url}/v1/traces`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-protobuf' }, body }).catch((error: Error) => {
          throw new Error(`POST /v1/traces failed: ${String(error.cause ?? error.message)}`);
        });
        const answer = otlpTraceProto.response.decode(new Uint8Array(await res.arrayBuffer())) as { partialSuccess?: { rejectedSpans?: unknown } | null };
        if (res.status !== 200 || answer.partialSuccess) throw new Error(`POST /v1/traces answered ${res.status} ${JSON.stringify(answer)}`);
      };
      const elapsed: number[] = [];
      const p95s: number[] = [];
      for (let run = 0; run <= runs; run++) {
        const batchesOfRun = payloads[run]!;
        const result = await runConcurrently({ count: batchesOfRun.length, clients, call: (i) => send(batchesOfRun[i]!) });
        if (run === 0) continue;
        elapsed.push(result.elapsedMs);
        p95s.push([...result.latenciesMs].sort((a, b) => a - b)[Math.ceil(result.latenciesMs.length * 0.95) - 1]!);
      }
      const mapped = await mappedRequests(server.url);
      const expected = (runs + 1) * batches * callsPerBatch;
      if (mapped !== expected) throw new Error(`${mapped} requests counted, ${expected} sent`);
      const spansPerSecond = spansPerRun / (median(elapsed) / 1000);
      rows.push([label, `POST /v1/traces, protobuf, ${clients} clients`, rate(spansPerSecond), `${(spansPerSecond / floor).toFixed(2)}×`, rate(spansPerSecond / 2), `${median(p95s).toFixed(0)} ms`]);
      targets.push({ target: `OTLP ingest on ${label} ≥ ${minFloorRatio}× decoding alone`, measured: `${rate(spansPerSecond)} spans/s, ${(spansPerSecond / floor).toFixed(2)}× of ${rate(floor)}`, pass: spansPerSecond / floor >= minFloorRatio });
    } finally {
      await server.close();
    }
  };

  const dataDir = await mkdtemp(join(tmpdir(), 'accord-bench-otlp-'));
  try {
    await measure('PGlite', { ACCORD_DATA_DIR: dataDir });
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  let database;
  try {
    database = await createBenchDatabase({ adminUrl: postgresAdminUrl });
  } catch (error) {
    const reason = `skipped: ${(error as Error).message || (error as { code?: string }).code || String(error)}`;
    rows.push(['PostgreSQL', reason, '', '', '', '']);
    targets.push({ target: `OTLP ingest on PostgreSQL ≥ ${minFloorRatio}× decoding alone`, measured: reason, pass: undefined });
  }
  if (database) {
    try {
      await measure('PostgreSQL', { DATABASE_URL: database.url });
    } finally {
      await database.drop();
    }
  }

  return {
    name: 'otlp',
    tables: [
      {
        title: `OTLP trace ingest: ${batches} batches of ${callsPerBatch * 2} spans per run (median of ${runs} runs after one warm-up)`,
        columns: ['backend', 'path', 'spans/s', 'vs floor', 'server spans mapped/s', 'p95 per batch'],
        rows,
        notes: [
          `Each batch: ${callsPerBatch} calls of ${CONSUMERS.length} consumer services to a contract of ${RESOURCES * 2} operations deployed at http://${HOST}:8080/api, as a client span (the consumer's) and a server span (the provider's) in two resources; ${formatBytes(averageBytes)} of protobuf on average, uncompressed.`,
          'spans/s counts every span accepted; a server span is mapped (host, base path, segment trie) and aggregated into the windows stored through the traffic ingest, whose SLO evaluation runs too. After the runs the contract\'s traffic report is read back and must count every call sent.',
          'The HTTP rows include the traffic ingest the proxy\'s windows go through too: one window of operation × consumer cells stored per batch, whatever its size (so large batches, as a Collector sends, pay off), and the SLOs evaluated at most every 10 s of span time.',
          'The server runs in this process (startServer, LOG_LEVEL silent) and the clients share its event loop; PGlite serves one query at a time, PostgreSQL uses a pool of 10 connections.',
        ],
      },
    ],
    targets,
  };
}

const rate = (perSecond: number) => Math.round(perSecond).toLocaleString('en-US');

/** A team, a contract of RESOURCES × 2 operations deployed in `prod`, and a traffic:write key. */
async function setUp(url: string): Promise<string> {
  const post = async <T>(path: string, body: unknown): Promise<T> => {
    const res = await fetch(`${url}/api/v1${path}`, { method: 'POST', headers: { ...benchAuthHeader, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status >= 300) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  await post('/teams', { slug: 'bench', name: 'Benchmarks' });
  await post('/systems', { slug: 'orders', name: 'Orders', team: 'bench', domain: 'bench' });
  await post('/contracts', { slug: 'orders-api', name: 'Orders API', system: 'orders' });
  await post('/contracts/orders-api/versions', { version: '1.0.0', document: JSON.stringify(ordersDocument()) });
  await post('/environments', { slug: 'prod', name: 'prod' });
  await post('/contracts/orders-api/deployments', { environment: 'prod', version: '1.0.0', address: `http://${HOST}:8080/api` });
  return (await post<{ key: string }>('/api-keys', { name: 'collector', team: 'bench', scopes: ['traffic:write'] })).key;
}

function ordersDocument() {
  const paths: Record<string, unknown> = {};
  for (let i = 0; i < RESOURCES; i++) {
    paths[`/resource-${i}`] = { post: { operationId: `create${i}`, responses: { '201': { description: 'created' } } } };
    paths[`/resource-${i}/{id}`] = { get: { operationId: `get${i}`, parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'found' } } } };
  }
  return { openapi: '3.1.0', info: { title: 'Orders', version: '1.0.0' }, paths };
}

const operationKeys = () => Array.from({ length: RESOURCES }, (_, i) => [`POST /resource-${i}`, `GET /resource-${i}/{id}`]).flat();

async function mappedRequests(url: string): Promise<number> {
  const now = Date.now();
  const query = `env=prod&from=${new Date(now - 3_600_000).toISOString()}&to=${new Date(now + 3_600_000).toISOString()}`;
  const res = await fetch(`${url}/api/v1/contracts/orders-api/traffic?${query}`, { headers: benchAuthHeader });
  return ((await res.json()) as { totals: { requests: number } }).totals.requests;
}

type Attribute = { key: string; value: { stringValue?: string; intValue?: number } };
const str = (key: string, value: string): Attribute => ({ key, value: { stringValue: value } });
const int = (key: string, value: number): Attribute => ({ key, value: { intValue: value } });

/** A batch as a Collector would forward it: the consumers' client spans and the provider's server spans. */
function encodeBatch({ calls }: { calls: number }): Uint8Array<ArrayBuffer> {
  const now = Date.now() * 1e6;
  const byService = new Map<string, object[]>();
  const add = (service: string, span: object) => {
    const list = byService.get(service) ?? [];
    list.push(span);
    byService.set(service, list);
  };
  for (let i = 0; i < calls; i++) {
    const traceId = randomBytes(16);
    const clientId = randomBytes(8);
    const start = now + i * 1e6;
    const resource = i % RESOURCES;
    const read = i % 3 !== 0;
    const path = read ? `/api/resource-${resource}/${1000 + i}` : `/api/resource-${resource}`;
    const method = read ? 'GET' : 'POST';
    const status = i % 50 === 0 ? 503 : read ? 200 : 201;
    const latencyNs = (5 + (i % 40)) * 1e6;
    const consumer = CONSUMERS[i % CONSUMERS.length]!;
    add(consumer, { traceId, spanId: clientId, kind: 3, name: method, startTimeUnixNano: start, endTimeUnixNano: start + latencyNs + 2e6, attributes: [str('http.request.method', method), str('url.full', `http://${HOST}:8080${path}`), int('http.response.status_code', status)] });
    add('orders', {
      traceId,
      spanId: randomBytes(8),
      parentSpanId: clientId,
      kind: 2,
      name: `${method} ${path}`,
      startTimeUnixNano: start + 1e6,
      endTimeUnixNano: start + 1e6 + latencyNs,
      attributes: [str('http.request.method', method), str('server.address', HOST), int('server.port', 8080), str('url.path', path), str('url.scheme', 'http'), str('http.route', read ? `/api/resource-${resource}/:id` : `/api/resource-${resource}`), int('http.response.status_code', status)],
      ...(status >= 500 && { status: { code: 2 } }),
    });
  }
  const resourceSpans = [...byService].map(([service, spans]) => ({ resource: { attributes: [str('service.name', service)] }, scopeSpans: [{ spans }] }));
  return new Uint8Array(otlpTraceProto.request.encode(otlpTraceProto.request.fromObject({ resourceSpans })).finish());
}
