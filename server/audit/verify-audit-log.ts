import { asc, gt } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { auditEvents } from './audit.tables.js';
import { auditHash, GENESIS_HASH } from './audit-hash.js';

/** The last event of an intact chain: anchor it elsewhere to notice a rewrite of the whole chain. */
export interface AuditHead {
  seq: number;
  id: string;
  at: Date;
  hash: string;
}

/**
 * The first event at which the chain does not hold, and what was expected there:
 * - `gap`: events are missing before this one (`expected` is the seq that should come next);
 * - `unsealed`: the event has no hash although events before it have (`expected` is the hash it would have);
 * - `link-mismatch`: its `prevHash` is not the hash of the event before it, which was rewritten
 *   with a recomputed hash, or this link was edited;
 * - `hash-mismatch`: its stored hash is not the hash of its contents, which were edited.
 */
export type BrokenLink = { seq: number; id: string } & (
  | { reason: 'gap'; expected: number; found: number }
  | { reason: 'unsealed'; expected: string; found: null }
  | { reason: 'link-mismatch'; expected: string; found: string | null }
  | { reason: 'hash-mismatch'; expected: string; found: string }
);

/** `events` counts the events that verified; on a break, those before `firstBroken`. */
export type AuditVerification = { ok: true; events: number; head: AuditHead | null } | { ok: false; events: number; firstBroken: BrokenLink };

/**
 * Walks the whole chain in `seq` order, a page at a time so memory stays bounded however long the
 * log is, and recomputes every link. Stops at the first event that breaks it. Events appended
 * while the walk runs are checked too if they arrive before it ends; they can only extend the chain.
 */
export async function verifyAuditLog(db: Db, { pageSize = 1_000 } = {}): Promise<AuditVerification> {
  let previous = null as AuditHead | null;
  let events = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, previous?.seq ?? 0))
      .orderBy(asc(auditEvents.seq))
      .limit(pageSize);
    for (const row of rows) {
      const broken = breakAt(row, previous);
      if (broken) return { ok: false, events, firstBroken: broken };
      previous = { seq: row.seq, id: row.id, at: row.at, hash: row.hash! };
      events += 1;
    }
    if (rows.length < pageSize) return { ok: true, events, head: previous };
  }
}

function breakAt(row: typeof auditEvents.$inferSelect, previous: AuditHead | null): BrokenLink | undefined {
  const at = { seq: row.seq, id: row.id };
  const expectedSeq = (previous?.seq ?? 0) + 1;
  if (row.seq !== expectedSeq) return { ...at, reason: 'gap', expected: expectedSeq, found: row.seq };
  const prevHash = previous?.hash ?? GENESIS_HASH;
  if (row.hash === null) return { ...at, reason: 'unsealed', expected: auditHash({ ...row, prevHash }), found: null };
  if (row.prevHash !== prevHash) return { ...at, reason: 'link-mismatch', expected: prevHash, found: row.prevHash };
  // Hashed over the stored prevHash, which the check above proved to be the right one.
  const hash = auditHash({ ...row, prevHash });
  if (hash !== row.hash) return { ...at, reason: 'hash-mismatch', expected: hash, found: row.hash };
  return undefined;
}
