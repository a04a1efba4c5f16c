import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { stringify } from 'yaml';
import { auditEvents, verifyAuditLog } from '../audit/index.js';
import { openDatabase, type DatabaseLocation } from '../db/index.js';
import { contracts, versions } from '../registry/index.js';
import { contentHash, parseSpec } from '../spec/index.js';
import { launchAccordServer, type AccordProcess } from './spawn-accord-server.js';
import { TEST_ADMIN_TOKEN } from './test-credentials.js';

/** Each minor version adds one path, so every publish is a compatible successor of the one before. */
const documentOf = (contract: string, minor: number) =>
  stringify({
    openapi: '3.0.3',
    info: { title: `Crash loop ${contract}`, version: `1.${minor}.0` },
    paths: Object.fromEntries(Array.from({ length: minor + 1 }, (_, i) => [`/items/${i}`, { get: { responses: { '200': { description: `item ${i}` } } } }])),
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const post = (url: string, path: string, body: unknown) =>
  fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_TOKEN}` }, body: JSON.stringify(body) });

/** What one caller publishing versions of its own contract has seen the server answer. */
class Publisher {
  /** Versions the server answered 201 or 200 for: from then on, each must exist with this content hash. */
  readonly acknowledged = new Map<string, string>();
  /** Answers that no publish of a fresh, compatible version should get. */
  readonly unexpected: string[] = [];
  private minor = 0;
  /** Whether the last publish went unanswered (the server was killed while it was in flight). */
  private unanswered = false;

  constructor(readonly contract: string) {}

  /** Publishes one version after another until `until.killed`, or until one publish gets no answer. */
  async publishUntil(url: string, until: { killed: boolean }): Promise<void> {
    while (!until.killed) {
      const version = `1.${this.minor}.0`;
      let status: number;
      let body: { contentHash?: string; code?: string };
      try {
        const res = await post(url, `/api/v1/contracts/${this.contract}/versions`, { version, document: documentOf(this.contract, this.minor) });
        status = res.status;
        body = (await res.json()) as typeof body;
      } catch {
        // It may or may not have committed. The next round publishes the same version with the
        // same content again, which must succeed either way: created, or found there unchanged.
        this.unanswered = true;
        return;
      }
      // 200 (already there, unchanged) is right only for a version whose first answer was lost.
      if (status !== 201 && !(status === 200 && this.unanswered)) {
        this.unexpected.push(`${this.contract}@${version}: ${status} ${body.code ?? ''}`);
        return;
      }
      this.acknowledged.set(version, body.contentHash!);
      this.minor += 1;
      this.unanswered = false;
    }
  }
}

/**
 * Registers the crash-loop test: `accord serve` is killed with SIGKILL `cycles` times while
 * `clients` callers publish new versions, each of its own contract, and is restarted on the same
 * database each time. Every acknowledged publish must survive whole, nothing may be half-written,
 * and the audit chain must still verify.
 */
export function crashLoopTests(database: () => DatabaseLocation, { cycles = Number(process.env.ACCORD_TEST_CRASH_CYCLES ?? 15), clients = 3 }: { cycles?: number; clients?: number } = {}) {
  // Each round costs a start of the server and a first publish (which warms the spec workers up):
  // a few seconds each on a quiet machine, up to a minute on a crowded one.
  it(`keeps every acknowledged publish whole through ${cycles} kill -9 restarts, and the audit chain still verifies`, { timeout: cycles * 120_000 }, async () => {
    const location = database();
    const publishers = Array.from({ length: clients }, (_, i) => new Publisher(`crash-loop-${i}`));
    const acknowledgedCount = () => publishers.reduce((sum, p) => sum + p.acknowledged.size, 0);
    let server: AccordProcess | undefined;
    try {
      server = launchAccordServer({ location });
      let url = await server.ready;
      expect((await post(url, '/api/v1/teams', { slug: 'crash', name: 'Crash' })).status).toBe(201);
      expect((await post(url, '/api/v1/systems', { slug: 'crash', name: 'Crash', team: 'crash', domain: 'test' })).status).toBe(201);
      for (const { contract } of publishers) expect((await post(url, '/api/v1/contracts', { slug: contract, name: 'Crash loop', system: 'crash' })).status).toBe(201);

      for (let cycle = 0; cycle < cycles; cycle++) {
        const until = { killed: false };
        const before = acknowledgedCount();
        let finished = 0;
        const publishing = publishers.map((publisher) => publisher.publishUntil(url, until).finally(() => (finished += 1)));
        // The first publish after a start warms the spec workers up and takes long; the kill comes
        // once publishes flow, at a different point of them each time: parsing, checking, committing.
        while (acknowledgedCount() === before && finished < publishers.length) await sleep(20);
        await sleep((cycle * 397) % 700);
        until.killed = true;
        await server.kill();
        await Promise.all(publishing);
        server = launchAccordServer({ location });
        url = await server.ready;
      }
      // One more round on a server left alive: the versions whose answer was lost are settled.
      const until = { killed: false };
      const settling = publishers.map((publisher) => publisher.publishUntil(url, until));
      await sleep(500);
      until.killed = true;
      await Promise.all(settling);
    } finally {
      await server?.stop();
    }

    expect(publishers.flatMap((p) => p.unexpected)).toEqual([]);
    const acknowledged = publishers.flatMap((p) => [...p.acknowledged].map(([version, hash]) => `${p.contract}@${version} ${hash}`));
    // Enough publishes landed between kills for the test to mean something.
    expect(acknowledged.length).toBeGreaterThanOrEqual(cycles);

    const opened = await openDatabase(location);
    try {
      const { db } = opened;
      const rows = await db.select({ contract: contracts.slug, version: versions.version, source: versions.source, document: versions.document, contentHash: versions.contentHash, operations: versions.operations }).from(versions).innerJoin(contracts, eq(contracts.id, versions.contractId));
      const stored = rows.map((row) => `${row.contract}@${row.version} ${row.contentHash}`);
      expect(stored).toEqual(expect.arrayContaining(acknowledged));
      // No version is stored that was not published whole: its document, hash and operation index
      // are those its source yields.
      for (const row of rows) {
        const document = typeof row.document === 'string' ? (JSON.parse(row.document) as unknown) : row.document;
        const parsed = await parseSpec(row.source);
        expect(parsed.ok, `${row.contract}@${row.version}`).toBe(true);
        if (!parsed.ok) continue;
        expect({ at: `${row.contract}@${row.version}`, fromDocument: contentHash(document), fromSource: parsed.contentHash, operations: row.operations }).toEqual({ at: `${row.contract}@${row.version}`, fromDocument: row.contentHash, fromSource: row.contentHash, operations: parsed.operations });
      }
      // Every stored version was audited exactly once, with its content hash.
      const published = await db.select({ targetId: auditEvents.targetId, summary: auditEvents.summary }).from(auditEvents).where(eq(auditEvents.action, 'version.published'));
      const audited = published.map(({ targetId, summary }) => `${targetId}@${(summary as { version: string }).version} ${(summary as { contentHash: string }).contentHash}`);
      expect(audited.sort()).toEqual(stored.sort());
      expect(await verifyAuditLog(db)).toMatchObject({ ok: true });
    } finally {
      await opened.close();
    }
  });
}
