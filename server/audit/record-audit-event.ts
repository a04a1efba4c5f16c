import { describeActor, newId, type Actor } from '../shared/index.js';
import type { Db } from '../db/index.js';
import { auditEvents } from './audit.tables.js';

export interface AuditEvent {
  actor: Actor;
  action: string;
  targetType: string;
  targetId: string;
  summary: Record<string, unknown>;
  at: Date;
}

/** Writes one audit event; call it with the transaction of the change it records, never after it. */
export async function recordAuditEvent(tx: Db, event: AuditEvent): Promise<void> {
  await tx.insert(auditEvents).values({
    id: newId(event.at.getTime()),
    at: event.at,
    actor: describeActor(event.actor),
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    summary: event.summary,
    requestId: event.actor.requestId ?? null,
  });
}
