import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/index.js';
import { InvalidInput, readPageRequest, toPage, type Page, type PageRequest } from '../shared/index.js';
import { auditEvents } from './audit.tables.js';
import type { RecordedAuditEvent } from './recorded-audit-event.js';

/** Every field narrows the result; `from` is inclusive, `to` exclusive. */
export interface AuditFilter extends PageRequest {
  targetType?: string;
  /** Only together with `targetType`: ids are unique per kind of target, not across kinds. */
  targetId?: string;
  /** As stored: `user:<id>`, `api-key:<id>`, `system:<name>` or `anonymous`. */
  actor?: string;
  action?: string;
  from?: Date;
  to?: Date;
  /** The one event at this place in the chain: to compare it with a head anchored elsewhere. */
  seq?: number;
}

const seqCursor = z.number().int().positive();

/**
 * Audit events matching `filter`, newest first. Newest means latest in the chain: `seq` is the
 * order events were appended in, unique and never reused, so it makes a stable keyset cursor; `at`
 * is when the change was made, which concurrent writers may append slightly out of order.
 */
export async function queryAuditLog(db: Db, filter: AuditFilter): Promise<Page<RecordedAuditEvent>> {
  const { limit, after } = readPageRequest(filter, seqCursor);
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(after === undefined ? undefined : lt(auditEvents.seq, after), ...matching(filter)))
    .orderBy(desc(auditEvents.seq))
    .limit(limit + 1);
  return toPage(rows, limit, (r) => r.seq, (row): RecordedAuditEvent => row);
}

/** How many audit events match `filter`, whatever page is read. */
export async function countAuditLog(db: Db, filter: Omit<AuditFilter, keyof PageRequest>): Promise<number> {
  const [row] = await db.select({ n: count() }).from(auditEvents).where(and(...matching(filter)));
  return row!.n;
}

function matching(filter: Omit<AuditFilter, keyof PageRequest>): (SQL | undefined)[] {
  if (filter.targetId !== undefined && filter.targetType === undefined) {
    throw new InvalidInput('targetId needs targetType: name the kind of target too, e.g. contract', [{ pointer: '/targetId', message: 'needs targetType' }]);
  }
  return [
    filter.targetType === undefined ? undefined : eq(auditEvents.targetType, filter.targetType),
    filter.targetId === undefined ? undefined : eq(auditEvents.targetId, filter.targetId),
    filter.actor === undefined ? undefined : eq(auditEvents.actor, filter.actor),
    filter.action === undefined ? undefined : eq(auditEvents.action, filter.action),
    filter.from === undefined ? undefined : gte(auditEvents.at, filter.from),
    filter.to === undefined ? undefined : lt(auditEvents.at, filter.to),
    filter.seq === undefined ? undefined : eq(auditEvents.seq, filter.seq),
  ];
}
