import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/index.js';
import { createPostgresLocation, openTestDatabase, postgresUrl } from '../test-support/test-database.js';
import { appendAuditEvents } from './__fixtures__/append-audit-events.js';
import { rowsOf } from './__fixtures__/rows-of.js';
import { tamper } from './__fixtures__/tamper.js';
import { recordAuditEvent } from './record-audit-event.js';
import { verifyAuditLog } from './verify-audit-log.js';
import { GENESIS_HASH } from './audit-hash.js';
import { emptyAuditDatabase } from './__fixtures__/empty-audit-database.js';

const seqs = async (database: Database) => (await rowsOf<{ seq: number }>(database.db, sql`select seq::int as seq from audit_events order by seq`)).map((r) => Number(r.seq));

describe('verifying the audit chain', () => {
  const database = emptyAuditDatabase();

  it('finds an empty log intact, with no head', async () => {
    expect(await verifyAuditLog(database().db)).toEqual({ ok: true, events: 0, head: null });
  });

  it('walks a chain of 25 events in pages of 10 and names the last one as its head', async () => {
    await appendAuditEvents(database().db, 25);
    const result = await verifyAuditLog(database().db, { pageSize: 10 });
    expect(result).toMatchObject({ ok: true, events: 25, head: { seq: 25 } });
    const [last] = await rowsOf<{ id: string; hash: string }>(database().db, sql`select id, hash from audit_events where seq = 25`);
    expect(result.ok && result.head).toMatchObject({ id: last!.id, hash: last!.hash });
  });

  it('links the first event to the genesis hash and each later one to the hash before it', async () => {
    await appendAuditEvents(database().db, 3);
    const rows = await rowsOf<{ prev_hash: string; hash: string }>(database().db, sql`select prev_hash, hash from audit_events order by seq`);
    expect(rows.map((r) => r.prev_hash)).toEqual([GENESIS_HASH, rows[0]!.hash, rows[1]!.hash]);
  });

  it('reports an edited summary as a hash mismatch at the edited event', async () => {
    await appendAuditEvents(database().db, 12);
    await tamper.editSummary(database().db, 7);
    expect(await verifyAuditLog(database().db, { pageSize: 5 })).toMatchObject({ ok: false, events: 6, firstBroken: { seq: 7, reason: 'hash-mismatch' } });
  });

  it('reports a deleted event as a gap at the event after it, naming the missing seq', async () => {
    await appendAuditEvents(database().db, 12);
    await tamper.delete(database().db, 7);
    expect(await verifyAuditLog(database().db, { pageSize: 5 })).toMatchObject({ ok: false, events: 6, firstBroken: { seq: 8, reason: 'gap', expected: 7, found: 8 } });
  });

  it('reports an edited event with a recomputed hash as a broken link at the next event', async () => {
    await appendAuditEvents(database().db, 12);
    const [original] = await rowsOf<{ hash: string }>(database().db, sql`select hash from audit_events where seq = 7`);
    await tamper.editAndRehash(database().db, 7);
    const [forged] = await rowsOf<{ hash: string }>(database().db, sql`select hash from audit_events where seq = 7`);
    expect(await verifyAuditLog(database().db, { pageSize: 5 })).toMatchObject({
      ok: false,
      events: 7,
      firstBroken: { seq: 8, reason: 'link-mismatch', expected: forged!.hash, found: original!.hash },
    });
  });

  it('reports a deleted last event as nothing: only an anchored head can show a shortened chain', async () => {
    await appendAuditEvents(database().db, 5);
    const before = await verifyAuditLog(database().db);
    await tamper.delete(database().db, 5);
    const after = await verifyAuditLog(database().db);
    expect(after).toMatchObject({ ok: true, events: 4 });
    expect(after.ok && before.ok && after.head!.hash).not.toBe(before.ok && before.head!.hash);
  });

  it('reports an event without a hash after hashed ones as unsealed', async () => {
    await appendAuditEvents(database().db, 3);
    await database().db.execute(sql`update audit_events set prev_hash = null, hash = null where seq = 3`);
    expect(await verifyAuditLog(database().db)).toMatchObject({ ok: false, events: 2, firstBroken: { seq: 3, reason: 'unsealed', found: null } });
  });

  it('keeps the chain gapless and valid when 40 transactions append at once', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        database().db.transaction((tx) => recordAuditEvent(tx, { actor: { kind: 'system', name: `writer-${i}` }, action: 'team.created', targetType: 'team', targetId: `team-${i}`, summary: { i }, at: new Date() })),
      ),
    );
    expect(await seqs(database())).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(await verifyAuditLog(database().db)).toMatchObject({ ok: true, events: 40 });
  });
});

describe.skipIf(!postgresUrl)('verifying the audit chain on PostgreSQL', () => {
  let handles: Database[] = [];
  let database: Awaited<ReturnType<typeof createPostgresLocation>>;
  beforeAll(async () => {
    database = await createPostgresLocation();
    // Two handles with a pool each: as two Accord instances on one database(), really concurrent.
    handles = [await openTestDatabase(database.location), await openTestDatabase(database.location)];
  });
  afterAll(async () => {
    await Promise.all(handles.map((h) => h.close()));
    await database?.cleanup();
  });

  it('keeps the chain gapless and valid on PostgreSQL when two instances append 200 events at once', async () => {
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        handles[i % 2]!.db.transaction(async (tx) => {
          // Some work before the append, as a registry write has, so transactions overlap.
          await tx.execute(sql`select pg_sleep(0.001)`);
          await recordAuditEvent(tx, { actor: { kind: 'system', name: `instance-${i % 2}` }, action: 'team.created', targetType: 'team', targetId: `team-${i}`, summary: { i }, at: new Date() });
        }),
      ),
    );
    expect(await seqs(handles[1]!)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(await verifyAuditLog(handles[0]!.db, { pageSize: 64 })).toMatchObject({ ok: true, events: 200, head: { seq: 200 } });
  });
});
