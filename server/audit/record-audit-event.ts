import { desc } from 'drizzle-orm';
import { describeActor, newId, type Actor } from '../shared/index.js';
import type { Db } from '../db/index.js';
import { auditEvents } from './audit.tables.js';
import { auditHash, GENESIS_HASH } from './audit-hash.js';
import { lockAuditChain } from './lock-audit-chain.js';
import { sealChainStart } from './seal-chain-start.js';

export interface AuditEvent {
  actor: Actor;
  action: string;
  targetType: string;
  targetId: string;
  summary: Record<string, unknown>;
  at: Date;
}

/**
 * Writes one audit event, linked to the one before it. Call it with the transaction of the change
 * it records, never after it, and as late in that transaction as possible: appending takes a
 * transaction-scoped lock on the chain's head, which concurrent writers queue for until commit.
 */
export async function recordAuditEvent(tx: Db, event: AuditEvent): Promise<void> {
  await lockAuditChain(tx);
  const selectHead = () => tx.select({ seq: auditEvents.seq, hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
  let [head] = await selectHead();
  // Start-up seals the events from before the chain. Should a start-up step append before that,
  // the append seals them itself rather than link to genesis past them.
  if (head && head.hash === null && (await sealChainStart(tx)) > 0) [head] = await selectHead();
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
