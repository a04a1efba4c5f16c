import { and, eq, gt, lte } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import type { TrafficCell } from './summarize-traffic.js';
import { trafficCells } from './traffic.tables.js';

/** The raw cells of one contract and environment whose windows ended in (from, to]. */
export async function readRawCells(db: Db, { contractId, environmentId, from, to }: { contractId: string; environmentId: string; from: Date; to: Date }): Promise<TrafficCell[]> {
  const rows = await db
    .select({ at: trafficCells.endedAt, operation: trafficCells.operation, consumer: trafficCells.consumer, documented: trafficCells.documented, requests: trafficCells.requests, errors: trafficCells.errors, violations: trafficCells.violations, undocumented: trafficCells.undocumented, messagesSeen: trafficCells.messagesSeen, messagesValidated: trafficCells.messagesValidated, messagesDropped: trafficCells.messagesDropped, latency: trafficCells.latency })
    .from(trafficCells)
    .where(and(eq(trafficCells.contractId, contractId), eq(trafficCells.environmentId, environmentId), gt(trafficCells.endedAt, from), lte(trafficCells.endedAt, to)));
  return rows;
}
