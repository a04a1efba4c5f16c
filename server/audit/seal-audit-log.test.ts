import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/index.js';
import { newId } from '../shared/index.js';
import { createPgliteLocation, openTestDatabase } from '../test-support/test-database.js';
import { startTestServer } from '../test-support/test-server.js';
import { appendAuditEvents } from './__fixtures__/append-audit-events.js';
import { rowsOf } from './__fixtures__/rows-of.js';
import { sealAuditLog } from './seal-audit-log.js';
import { verifyAuditLog } from './verify-audit-log.js';
import { emptyAuditDatabase } from './__fixtures__/empty-audit-database.js';

/** Events as Accord wrote them before the chain existed, numbered as migration 0005 numbered them. */
async function insertPreChainEvents(db: Db, count: number, firstSeq = 1) {
  for (let i = 0; i < count; i++) {
    const seq = firstSeq + i;
    // `now()` has microseconds, which a JavaScript Date cannot hold: the hash must still come out the same.
    await db.execute(sql`
      insert into audit_events (id, seq, at, actor, action, target_type, target_id, summary, request_id)
      values (${newId()}, ${seq}, now() - make_interval(secs => ${count - i}), 'anonymous', 'team.created', 'team', ${`team-${seq}`},
              ${JSON.stringify({ name: `Team ${seq}`, tags: ['b', 'a'], z: { y: 1, x: [null] } })}::jsonb, ${i % 2 === 0 ? null : `req-${seq}`})`);
  }
}

const unhashed = async (db: Db) => Number((await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from audit_events where hash is null`))[0]!.n);

describe('sealing the events written before the chain', () => {
  const database = emptyAuditDatabase();

  it('chains them from genesis in seq order, a page at a time, so the log verifies', async () => {
    await insertPreChainEvents(database().db, 11);
    expect(await verifyAuditLog(database().db)).toMatchObject({ ok: false, firstBroken: { seq: 1, reason: 'unsealed' } });
    expect(await sealAuditLog(database().db, { pageSize: 4 })).toEqual({ sealed: 11 });
    expect(await unhashed(database().db)).toBe(0);
    expect(await verifyAuditLog(database().db)).toMatchObject({ ok: true, events: 11, head: { seq: 11 } });
  });

  it('does nothing the second time, and later events link to the sealed head', async () => {
    await insertPreChainEvents(database().db, 3);
    await sealAuditLog(database().db);
    expect(await sealAuditLog(database().db)).toEqual({ sealed: 0 });
    await appendAuditEvents(database().db, 2);
    expect(await verifyAuditLog(database().db)).toMatchObject({ ok: true, events: 5 });
  });

  it('leaves an unhashed event after a hashed one for verification to report', async () => {
    await appendAuditEvents(database().db, 3);
    await insertPreChainEvents(database().db, 1, 4);
    expect(await sealAuditLog(database().db)).toEqual({ sealed: 0 });
    expect(await unhashed(database().db)).toBe(1);
    expect(await verifyAuditLog(database().db)).toMatchObject({ ok: false, events: 3, firstBroken: { seq: 4, reason: 'unsealed' } });
  });

  it('is done by the first append when an event is written before start-up sealed the log', async () => {
    await insertPreChainEvents(database().db, 2);
    await appendAuditEvents(database().db, 1);
    expect(await unhashed(database().db)).toBe(0);
    expect(await sealAuditLog(database().db)).toEqual({ sealed: 0 });
    expect(await verifyAuditLog(database().db)).toMatchObject({ ok: true, events: 3 });
  });
});

describe('starting a server over a log from before the chain', () => {
  it('seals the old events before serving', async () => {
    const { location, cleanup } = await createPgliteLocation();
    try {
      const before = await openTestDatabase(location);
      await insertPreChainEvents(before.db, 5);
      await before.close();
      const server = await startTestServer({ location });
      await server.close();
      const after = await openDatabase(location);
      try {
        const result = await verifyAuditLog(after.db);
        expect(result.ok).toBe(true);
        // Start-up may append events of its own (a bootstrap key) after sealing.
        expect(result.events).toBeGreaterThanOrEqual(5);
      } finally {
        await after.close();
      }
    } finally {
      await cleanup();
    }
  });
});
