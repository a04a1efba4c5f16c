import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/index.js';
import { InvalidInput, type Actor } from '../shared/index.js';
import { createPgliteLocation, openTestDatabase } from '../test-support/test-database.js';
import { queryAuditLog, type AuditFilter } from './query-audit-log.js';
import { recordAuditEvent } from './record-audit-event.js';

const alice: Actor = { kind: 'user', userId: 'u-alice', name: 'Alice' };
const ci: Actor = { kind: 'api-key', keyId: 'k-ci', name: 'ci', teamId: null, scopes: ['contracts:publish'] };
const minute = (n: number) => new Date(Date.UTC(2026, 2, 1, 9, n));

// seq 1..8, one minute apart: who did what to which target.
const EVENTS = [
  { actor: alice, action: 'team.created', targetType: 'team', targetId: 'payments' },
  { actor: alice, action: 'system.created', targetType: 'system', targetId: 'ledger' },
  { actor: alice, action: 'contract.created', targetType: 'contract', targetId: 'ledger-api' },
  { actor: ci, action: 'version.published', targetType: 'contract', targetId: 'ledger-api' },
  { actor: ci, action: 'version.published', targetType: 'contract', targetId: 'ledger-api' },
  { actor: alice, action: 'contract.created', targetType: 'contract', targetId: 'payouts-api' },
  { actor: ci, action: 'version.published', targetType: 'contract', targetId: 'payouts-api' },
  { actor: alice, action: 'contract.updated', targetType: 'contract', targetId: 'ledger-api' },
];

describe('querying the audit log', () => {
  let database: Database;
  let cleanup: () => Promise<void>;
  const seqsOf = async (filter: AuditFilter) => (await queryAuditLog(database.db, filter)).items.map((e) => e.seq);
  beforeAll(async () => {
    const pglite = await createPgliteLocation();
    cleanup = pglite.cleanup;
    database = await openTestDatabase(pglite.location);
    await database.db.execute(sql`delete from audit_events`);
    for (const [i, event] of EVENTS.entries()) {
      await database.db.transaction((tx) => recordAuditEvent(tx, { ...event, summary: { i }, at: minute(i) }));
    }
  });
  afterAll(async () => {
    await database?.close();
    await cleanup?.();
  });

  it('lists events newest first, with every stored field', async () => {
    const page = await queryAuditLog(database.db, {});
    expect(page.items.map((e) => e.seq)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
    expect(page.nextCursor).toBeNull();
    expect(page.items[0]).toMatchObject({ seq: 8, actor: 'user:u-alice', action: 'contract.updated', targetType: 'contract', targetId: 'ledger-api', summary: { i: 7 }, at: minute(7), requestId: null });
    expect(page.items[0]!.prevHash).toBe(page.items[1]!.hash);
  });

  it('pages with the cursor of the previous page, showing every event once', async () => {
    const seen: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await queryAuditLog(database.db, { limit: 3, ...(cursor && { cursor }) });
      seen.push(...page.items.map((e) => e.seq));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(seen).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
    expect(pages).toBe(3);
  });

  it('pages through a filtered list without leaving the filter', async () => {
    const first = await queryAuditLog(database.db, { targetType: 'contract', targetId: 'ledger-api', limit: 2 });
    const second = await queryAuditLog(database.db, { targetType: 'contract', targetId: 'ledger-api', limit: 2, cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map((e) => e.seq)).toEqual([8, 5, 4, 3]);
    expect(second.nextCursor).toBeNull();
  });

  it('filters by target, by kind of target, by actor and by action', async () => {
    expect(await seqsOf({ targetType: 'contract', targetId: 'payouts-api' })).toEqual([7, 6]);
    expect(await seqsOf({ targetType: 'system' })).toEqual([2]);
    expect(await seqsOf({ actor: 'api-key:k-ci' })).toEqual([7, 5, 4]);
    expect(await seqsOf({ action: 'contract.created' })).toEqual([6, 3]);
    expect(await seqsOf({ actor: 'user:u-alice', action: 'contract.created', targetType: 'contract', targetId: 'ledger-api' })).toEqual([3]);
    expect(await seqsOf({ actor: 'user:nobody' })).toEqual([]);
    expect(await seqsOf({ seq: 4 })).toEqual([4]);
  });

  it('filters by time, from inclusive and to exclusive', async () => {
    expect(await seqsOf({ from: minute(2), to: minute(5) })).toEqual([5, 4, 3]);
    expect(await seqsOf({ from: minute(6) })).toEqual([8, 7]);
    expect(await seqsOf({ to: minute(1) })).toEqual([1]);
  });

  it('refuses a target id without its kind, a forged cursor and an oversized page', async () => {
    await expect(queryAuditLog(database.db, { targetId: 'ledger-api' })).rejects.toMatchObject({ code: 'invalid-input', issues: [{ pointer: '/targetId' }] });
    await expect(queryAuditLog(database.db, { cursor: Buffer.from('"x"').toString('base64url') })).rejects.toMatchObject({ code: 'invalid-cursor' });
    await expect(queryAuditLog(database.db, { limit: 1000 })).rejects.toBeInstanceOf(InvalidInput);
  });
});
