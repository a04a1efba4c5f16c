import { desc, sql } from 'drizzle-orm';
import { describeActor, newId, type Actor } from '../shared/index.js';
import type { Db } from '../db/index.js';
import { auditEvents } from './audit.tables.js';
import { auditHash, GENESIS_HASH } from './audit-hash.js';

export interface AuditEvent {
  actor: Actor;
  action: string;
  targetType: string;
  targetId: string;
  summary: Record<string, unknown>;
  at: Date;
}

// Any constant works; it only has to be the same for every Accord instance on one database.
export const AUDIT_CHAIN_LOCK_KEY = 4_200_918;

/**
 * Writes one audit event, linked to the one before it. Call it with the transaction of the change
 * it records, never after it, and as late in that transaction as possible: appending takes a
 * transaction-scoped lock on the chain's head, which concurrent writers queue for until commit.
 */
export async function recordAuditEvent(tx: Db, event: AuditEvent): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`);
  const [head] = await tx.select({ seq: auditEvents.seq, hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
  // Round-trip the summary through JSON so the hash covers exactly what jsonb will give back.
  const summary = JSON.parse(JSON.stringify(event.summary)) as Record<string, unknown>;
  const fields = {
    seq: (head?.seq ?? 0) + 1,
    at: event.at,
    actor: describeActor(event.actor),
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    summary,
    requestId: event.actor.requestId ?? null,
    prevHash: head?.hash ?? GENESIS_HASH,
  };
  await tx.insert(auditEvents).values({ id: newId(event.at.getTime()), ...fields, hash: auditHash(fields) });
}
