import { sql } from 'drizzle-orm';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditEvents, auditHash, GENESIS_HASH, recordAuditEvent, sealAuditLog, verifyAuditLog, type AuditEvent } from '../server/audit/index.js';
import { openDatabase, type Database, type DatabaseLocation, type Db } from '../server/db/index.js';
import { newId } from '../server/shared/index.js';
import type { BenchmarkReport, TargetResult } from './benchmark-report.js';
import { createBenchDatabase } from './create-bench-database.js';
import { formatMs } from './format-ms.js';
import { median } from './median.js';
import { percentile } from './percentile.js';
import { runConcurrently, type ConcurrentRun } from './run-concurrently.js';

export interface AuditBenchOptions {
  /** Appends per run, each its own transaction. */
  appends?: number;
  clients?: number;
  runs?: number;
  /** Length of the chain that is verified and sealed. */
  chainLength?: number;
  postgresAdminUrl?: string;
  minVerifyRate?: number;
}

// What a registry write records: a typical summary, an actor with a request id.
const event = (i: number): AuditEvent => ({
  actor: { kind: 'api-key', keyId: '0196b9f0-2d4e-7a81-8c3f-5e7a9b1d3f60', name: 'bench', teamId: null, scopes: ['contracts:publish'], requestId: newId() },
  action: 'version.published',
  targetType: 'contract',
  targetId: `bench-contract-${i}`,
  summary: { version: '1.0.0', contentHash: 'sha256:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0', operations: 8 },
  at: new Date(),
});

/**
 * The cost of the hash chain: appending an audit event as the registry does (lock the head, read
 * it, hash, insert) next to inserting the same row with no chain, and how fast a long chain is
 * verified and sealed. On PGlite, then on PostgreSQL.
 */
export async function auditBench({
  appends = 1_000,
  clients = 20,
  runs = 3,
  chainLength = 50_000,
  postgresAdminUrl = 'postgres://postgres@127.0.0.1:5432/postgres',
  minVerifyRate = 10_000,
}: AuditBenchOptions = {}): Promise<BenchmarkReport> {
  const rows: string[][] = [];
  const targets: TargetResult[] = [];
  const measure = async (label: string, location: DatabaseLocation) => {
    const database = await openDatabase(location);
    try {
      await database.migrate();
      const verifyRate = await measureBackend(label, database, { appends, clients, runs, chainLength, rows });
      targets.push({ target: `verify on ${label} ≥ ${minVerifyRate.toLocaleString('en-US')} events/s`, measured: `${Math.round(verifyRate).toLocaleString('en-US')} events/s`, pass: verifyRate >= minVerifyRate });
    } finally {
      await database.close();
    }
  };

  const dataDir = await mkdtemp(join(tmpdir(), 'accord-bench-audit-'));
  try {
    await measure('PGlite', { dataDir });
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }

  let database;
  try {
    database = await createBenchDatabase({ adminUrl: postgresAdminUrl });
  } catch (error) {
    const reason = `skipped: ${(error as Error).message || (error as { code?: string }).code || String(error)}`;
    rows.push(['PostgreSQL', reason, '', '', '']);
    targets.push({ target: `verify on PostgreSQL ≥ ${minVerifyRate.toLocaleString('en-US')} events/s`, measured: reason, pass: undefined });
  }
  if (database) {
    try {
      await measure('PostgreSQL', { url: database.url });
    } finally {
      await database.drop();
    }
  }

  return {
    name: 'audit',
    tables: [
      {
        title: `Audit chain: ${appends.toLocaleString('en-US')} appends by ${clients} concurrent writers; verify and seal a chain of ${chainLength.toLocaleString('en-US')} events`,
        columns: ['backend', 'operation', 'per second', 'p50', 'p95'],
        rows,
        notes: [
          `Medians of ${runs} runs. "chained": recordAuditEvent in its own transaction (advisory lock on the head, read it, hash, insert). "no chain": the same row inserted into a copy of the table with the same indexes, no lock, no head, no hash.`,
          'Verify and seal: a chain built beforehand in batches of 1,000 rows; verify reads pages of 1,000 and recomputes every hash; seal first clears every hash, then links the whole chain in one transaction.',
          'PGlite serves one query at a time, so its concurrent rows measure a queue; PostgreSQL uses a pool of 10 connections.',
        ],
      },
    ],
    targets,
  };
}

interface Context {
  appends: number;
  clients: number;
  runs: number;
  chainLength: number;
  rows: string[][];
}

async function measureBackend(label: string, database: Database, { appends, clients, runs, chainLength, rows }: Context): Promise<number> {
  const { db } = database;
  const repeat = async (work: () => Promise<ConcurrentRun>) => {
    const results: ConcurrentRun[] = [];
    for (let run = 0; run < runs; run++) results.push(await work());
    return results;
  };
  const row = (operation: string, results: ConcurrentRun[]) =>
    rows.push([label, operation, median(results.map((r) => (r.latenciesMs.length / r.elapsedMs) * 1000)).toFixed(0), formatMs(median(results.map((r) => percentile(r.latenciesMs, 50)))), formatMs(median(results.map((r) => percentile(r.latenciesMs, 95))))]);

  row(`append, chained (${clients} concurrent)`, await repeat(() => runConcurrently({ count: appends, clients, call: (i) => db.transaction((tx) => recordAuditEvent(tx, event(i))) })));

  await db.execute(sql`create table audit_bench_floor (like audit_events including all)`);
  let seq = 0;
  row(
    `append, no chain (${clients} concurrent)`,
    await repeat(() =>
      runConcurrently({
        count: appends,
        clients,
        call: (i) =>
          db.transaction(async (tx) => {
            const e = event(i);
            await tx.execute(sql`insert into audit_bench_floor (id, seq, at, actor, action, target_type, target_id, summary, request_id) values (${newId()}, ${++seq}, ${e.at}, ${'api-key:bench'}, ${e.action}, ${e.targetType}, ${e.targetId}, ${JSON.stringify(e.summary)}::jsonb, ${e.actor.requestId ?? null})`);
          }),
      }),
    ),
  );
  await db.execute(sql`drop table audit_bench_floor`);

  await buildChain(db, chainLength);
  const verified = await repeat(async () => {
    const started = performance.now();
    const result = await verifyAuditLog(db);
    if (!result.ok || result.events !== chainLength) throw new Error(`the benchmark chain did not verify: ${JSON.stringify(result)}`);
    const elapsedMs = performance.now() - started;
    return { elapsedMs, latenciesMs: [elapsedMs] };
  });
  const verifyRate = median(verified.map((r) => (chainLength / r.elapsedMs) * 1000));
  rows.push([label, `verify ${chainLength.toLocaleString('en-US')} events (events/s; p50 = whole walk)`, verifyRate.toFixed(0), formatMs(median(verified.map((r) => r.elapsedMs))), '']);

  const sealed = await repeat(async () => {
    await db.execute(sql`update audit_events set prev_hash = null, hash = null`);
    const started = performance.now();
    const { sealed } = await sealAuditLog(db);
    if (sealed !== chainLength) throw new Error(`sealed ${sealed} of ${chainLength} events`);
    const elapsedMs = performance.now() - started;
    return { elapsedMs, latenciesMs: [elapsedMs] };
  });
  rows.push([label, `seal ${chainLength.toLocaleString('en-US')} events (events/s; p50 = whole seal)`, median(sealed.map((r) => (chainLength / r.elapsedMs) * 1000)).toFixed(0), formatMs(median(sealed.map((r) => r.elapsedMs))), '']);
  return verifyRate;
}

/** A valid chain of `length` events, written directly in batches: building it is not what is measured. */
async function buildChain(db: Db, length: number): Promise<void> {
  await db.execute(sql`delete from audit_events`);
  let prevHash = GENESIS_HASH;
  for (let start = 0; start < length; start += 1_000) {
    const batch = [];
    for (let seq = start + 1; seq <= Math.min(length, start + 1_000); seq++) {
      const e = event(seq);
      const fields = { seq, at: e.at, actor: 'api-key:bench', action: e.action, targetType: e.targetType, targetId: e.targetId, summary: e.summary, requestId: e.actor.requestId ?? null, prevHash };
      const hash = auditHash(fields);
      batch.push({ id: newId(), ...fields, hash });
      prevHash = hash;
    }
    await db.insert(auditEvents).values(batch);
  }
}
