import type { Db } from '../../db/index.js';
import type { Actor } from '../../shared/index.js';
import { recordAuditEvent, type AuditEvent } from '../record-audit-event.js';

const robot: Actor = { kind: 'system', name: 'test' };

/**
 * Appends `count` events one transaction after another, as the registry would, numbered in their
 * summary so a test can tell them apart. `at` defaults to one minute apart from 2026-01-01.
 */
export async function appendAuditEvents(db: Db, count: number, event: Partial<AuditEvent> = {}): Promise<void> {
  for (let i = 0; i < count; i++) {
    await db.transaction((tx) =>
      recordAuditEvent(tx, {
        actor: robot,
        action: 'contract.updated',
        targetType: 'contract',
        targetId: `contract-${i}`,
        summary: { n: i, nested: { b: 2, a: [1, { y: true, x: null }] } },
        at: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
        ...event,
      }),
    );
  }
}
