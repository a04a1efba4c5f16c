import { eq } from 'drizzle-orm';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordAuditEvent } from '../server/audit/index.js';
import { loadServerConfig } from '../server/config.js';
import { openDatabase, type DatabaseLocation, type Db } from '../server/db/index.js';
import { startServer } from '../server/main.js';
import { contracts, createRegistry, versions } from '../server/registry/index.js';
import { newId, systemClock, type Actor } from '../server/shared/index.js';
import { parseSpec, type SpecDocument } from '../server/spec/index.js';
import { createWorkers } from '../server/workers/index.js';
import { readShippedRulesets } from '../server/lint/read-shipped-rulesets.js';
import { createAccessPolicy } from '../server/auth/index.js';
import type { BenchmarkReport, TargetResult } from './benchmark-report.js';
import { createBenchDatabase } from './create-bench-database.js';
import { formatBytes } from './format-bytes.js';
import { formatMs } from './format-ms.js';
import { generateLargeOpenApi } from './generate-large-openapi.js';
import { median } from './median.js';
import { percentile } from './percentile.js';
import { runConcurrently, type ConcurrentRun } from './run-concurrently.js';
import { benchAuthEnv, benchAuthHeader } from './bench-credentials.js';

export interface PublishBenchOptions {
  projectRoot: string;
  /** Publishes per run, each of a distinct contract's first version. */
  publishes?: number;
  clients?: number;
  runs?: number;
  postgresAdminUrl?: string;
  minPgliteRate?: number;
  minPostgresRate?: number;
}

interface Backend {
  label: 'PGlite' | 'PostgreSQL';
  env: Record<string, string>;
  location: DatabaseLocation;
  minRate: number;
}

interface PathResult {
  rate: number;
  p50: number;
  p95: number;
}

const actor: Actor = { kind: 'system', name: 'bench' };
/**
 * Publish throughput through a real server, then the same publishes without HTTP, then only the
 * database transaction with documents parsed beforehand, and parsing alone: four rows that show
 * where a publish spends its time.
 */
export async function publishBench({
  publishes = 200,
  clients = 20,
  runs = 3,
  postgresAdminUrl = 'postgres://postgres@127.0.0.1:5432/postgres',
  minPgliteRate = 20,
  minPostgresRate = 50,
}: PublishBenchOptions): Promise<BenchmarkReport> {
  // ~50 KB each; distinct seeds vary resources, fields and wording, so no two documents are alike.
  const documents = Array.from({ length: publishes }, (_, i) =>
    JSON.stringify(generateLargeOpenApi({ resources: 1, fieldsPerResource: 48, seed: 1000 + i, title: `Bench contract ${i}` }), null, 2),
  );
  const parsed: SpecDocument[] = [];
  for (const document of documents) {
    const result = await parseSpec(document);
    if (!result.ok) throw new Error(`a generated publish document was refused: ${result.code}: ${result.message}`);
    parsed.push(result);
  }
  const averageBytes = documents.reduce((n, d) => n + Buffer.byteLength(d), 0) / documents.length;

  const rows: string[][] = [];
  const row = (backend: string, path: string, r: PathResult, target = '') => rows.push([backend, path, r.rate.toFixed(1), formatMs(r.p50), formatMs(r.p95), target]);
  const repeat = async (work: (run: number) => Promise<ConcurrentRun>) => {
    const results: ConcurrentRun[] = [];
    for (let run = 0; run < runs; run++) results.push(await work(run));
    return summarize(results);
  };

  row('—', 'parseSpec alone, in-thread, one at a time', await repeat(() => runConcurrently({ count: publishes, clients: 1, call: async (i) => void (await parseSpec(documents[i]!)) })));
  const pool = createWorkers();
  try {
    const poolRun = (count: number) => runConcurrently({ count, clients, call: async (i) => void (await pool.specs.load(documents[i]!, { caller: `client-${i % clients}` })) });
    await poolRun(clients); // starts every worker thread and warms it, as in a server that has been up a while
    row('—', `parseSpec in the server's worker pool, ${clients} concurrent`, await repeat(() => poolRun(publishes)));
  } finally {
    await pool.close();
  }

  const targets: TargetResult[] = [];
  const dataDir = await mkdtemp(join(tmpdir(), 'accord-bench-publish-'));
  try {
    const pglite: Backend = { label: 'PGlite', env: { ACCORD_DATA_DIR: dataDir }, location: { dataDir }, minRate: minPgliteRate };
    const http = await measureBackend(pglite, { documents, parsed, clients, repeat, row });
    targets.push({ target: `publish on PGlite ≥ ${minPgliteRate}/s`, measured: `${http.rate.toFixed(1)}/s (p95 ${formatMs(http.p95)})`, pass: http.rate >= minPgliteRate });
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }

  let database;
  try {
    database = await createBenchDatabase({ adminUrl: postgresAdminUrl });
  } catch (error) {
    const reason = `skipped: ${(error as Error).message || (error as { code?: string }).code || String(error)}`;
    rows.push(['PostgreSQL', reason, '', '', '', `≥ ${minPostgresRate}/s`]);
    targets.push({ target: `publish on PostgreSQL ≥ ${minPostgresRate}/s`, measured: reason, pass: undefined });
  }
  if (database) {
    try {
      const postgres: Backend = { label: 'PostgreSQL', env: { DATABASE_URL: database.url }, location: { url: database.url }, minRate: minPostgresRate };
      const http = await measureBackend(postgres, { documents, parsed, clients, repeat, row });
      targets.push({ target: `publish on PostgreSQL ≥ ${minPostgresRate}/s`, measured: `${http.rate.toFixed(1)}/s (p95 ${formatMs(http.p95)})`, pass: http.rate >= minPostgresRate });
    } finally {
      await database.drop();
    }
  }

  return {
    name: 'publish',
    tables: [
      {
        title: `Publish: ${publishes} first versions of distinct contracts, ${clients} concurrent clients`,
        columns: ['backend', 'path', 'publishes/s', 'p50', 'p95', 'target'],
        rows,
        notes: [
          `Documents: OpenAPI 3.0.3 JSON, ${formatBytes(averageBytes)} on average, 8 operations each, all different. Medians of ${runs} runs of ${publishes} publishes; p50/p95 are per-publish latencies.`,
          `HTTP: startServer on 127.0.0.1 in this process (LOG_LEVEL silent), POST /api/v1/contracts/{slug}/versions with {version, document} over keep-alive fetch; the clients share the server's event loop.`,
          `"registry, no HTTP": registry.versions.publish on the same database with the same spec worker pool (${Math.max(1, Math.min(4, availableParallelism()))} threads here).`,
          '"DB transaction only": the rows a publish writes (version, contract update, audit event) in one transaction with the contract row locked, documents parsed beforehand.',
          'PGlite serves one query at a time, so its concurrent rows measure a queue; PostgreSQL uses a pool of 10 connections.',
        ],
      },
    ],
    targets,
  };
}

interface MeasureContext {
  documents: string[];
  parsed: SpecDocument[];
  clients: number;
  repeat: (work: (run: number) => Promise<ConcurrentRun>) => Promise<PathResult>;
  row: (backend: string, path: string, r: PathResult, target?: string) => void;
}

async function measureBackend(backend: Backend, { documents, parsed, clients, repeat, row }: MeasureContext): Promise<PathResult> {
  const count = documents.length;
  const server = await startServer(loadServerConfig({ PORT: '0', HOST: '127.0.0.1', ACCORD_SEED: 'false', LOG_LEVEL: 'silent', ...benchAuthEnv, ...backend.env }));
  let http: PathResult;
  try {
    const post = (path: string, body: string) => postJson(`${server.url}/api/v1${path}`, body);
    await post('/teams', JSON.stringify({ slug: 'bench', name: 'Benchmarks' }));
    await post('/systems', JSON.stringify({ slug: 'bench-system', name: 'Bench system', team: 'bench', domain: 'bench' }));
    const bodies = documents.map((document) => JSON.stringify({ version: '1.0.0', document }));
    http = await repeat(async (run) => {
      const slug = (i: number) => `http-r${run}-${i}`;
      await runConcurrently({ count, clients, call: (i) => post('/contracts', JSON.stringify({ slug: slug(i), name: `Bench contract ${i}`, system: 'bench-system' })) });
      return runConcurrently({ count, clients, call: (i) => post(`/contracts/${slug(i)}/versions`, bodies[i]!) });
    });
    row(backend.label, `HTTP POST …/versions (${clients} clients)`, http, `≥ ${backend.minRate}/s`);

    // A second version adds an operation, so each publish runs a real compatibility check
    // against the first (both documents ~50 kB) and passes it.
    const successors = documents.map((document) => {
      const next = JSON.parse(document) as { paths: Record<string, unknown> };
      next.paths['/bench-added'] = { get: { responses: { '200': { description: 'added in 1.1.0' } } } };
      return JSON.stringify({ version: '1.1.0', document: JSON.stringify(next) });
    });
    const checked = await repeat(async (run) => {
      const slug = (i: number) => `checked-r${run}-${i}`;
      await runConcurrently({ count, clients, call: (i) => post('/contracts', JSON.stringify({ slug: slug(i), name: `Bench contract ${i}`, system: 'bench-system' })) });
      await runConcurrently({ count, clients, call: (i) => post(`/contracts/${slug(i)}/versions`, bodies[i]!) });
      return runConcurrently({ count, clients, call: (i) => post(`/contracts/${slug(i)}/versions`, successors[i]!) });
    });
    row(backend.label, `HTTP POST …/versions, a second version checked against the first (${clients} clients)`, checked);
  } finally {
    await server.close();
  }

  // The server is closed first: a PGlite data directory belongs to one process (and one handle).
  const database = await openDatabase(backend.location);
  const workers = createWorkers();
  try {
    const registry = createRegistry({ db: database.db, clock: systemClock, specs: workers.specs, checker: workers.checker, linter: workers.linter, shippedRulesets: readShippedRulesets(), access: createAccessPolicy() });
    const createContracts = (slug: (i: number) => string) =>
      runConcurrently({ count, clients, call: async (i) => void (await registry.contracts.create({ slug: slug(i), name: `Bench contract ${i}`, system: 'bench-system' }, actor)) });

    const direct = await repeat(async (run) => {
      const slug = (i: number) => `direct-r${run}-${i}`;
      await createContracts(slug);
      return runConcurrently({ count, clients, call: async (i) => void (await registry.versions.publish({ contract: slug(i), version: '1.0.0', document: documents[i]! }, actor)) });
    });
    row(backend.label, `registry.versions.publish, no HTTP (${clients} concurrent)`, direct);

    const raw = await repeat(async (run) => {
      const slug = (i: number) => `raw-r${run}-${i}`;
      await createContracts(slug);
      return runConcurrently({ count, clients, call: (i) => insertVersion(database.db, slug(i), documents[i]!, parsed[i]!) });
    });
    row(backend.label, `DB transaction only, pre-parsed (${clients} concurrent)`, raw);
  } finally {
    await workers.close();
    await database.close();
  }
  return http;
}

/** The writes of a publish, as publishVersion does them, minus parsing and the version-order reads. */
async function insertVersion(db: Db, slug: string, source: string, spec: SpecDocument): Promise<void> {
  await db.transaction(async (tx) => {
    const [contract] = await tx.select({ id: contracts.id }).from(contracts).where(eq(contracts.slug, slug)).for('update');
    if (!contract) throw new Error(`contract ${slug} is missing`);
    const now = new Date();
    await tx.insert(versions).values({
      id: newId(now.getTime()),
      contractId: contract.id,
      version: '1.0.0',
      major: 1,
      minor: 0,
      patch: 0,
      prerelease: null,
      specKind: spec.kind,
      specVersion: spec.specVersion,
      title: spec.title,
      sourceFormat: spec.format,
      source,
      document: spec.documentJson,
      contentHash: spec.contentHash,
      sizeBytes: spec.sizeBytes,
      operations: spec.operations,
      findings: [],
      publishedAt: now,
      publishedBy: 'system:bench',
    });
    await tx.update(contracts).set({ kind: spec.kind, updatedAt: now }).where(eq(contracts.id, contract.id));
    await recordAuditEvent(tx, { actor, action: 'version.published', targetType: 'contract', targetId: slug, summary: { version: '1.0.0', contentHash: spec.contentHash, operations: spec.operations.length }, at: now });
  });
}

async function postJson(url: string, body: string): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...benchAuthHeader }, body });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${new URL(url).pathname} answered ${response.status}: ${text.slice(0, 300)}`);
}

function summarize(runs: ConcurrentRun[]): PathResult {
  return {
    rate: median(runs.map((r) => (r.latenciesMs.length / r.elapsedMs) * 1000)),
    p50: median(runs.map((r) => percentile(r.latenciesMs, 50))),
    p95: median(runs.map((r) => percentile(r.latenciesMs, 95))),
  };
}
