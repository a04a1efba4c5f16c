import { and, eq, gt, gte, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import type { TrafficCell } from './summarize-traffic.js';
import { trafficCells, trafficHours, trafficPendingHours } from './traffic.tables.js';

const HOUR_MS = 3_600_000;

/** A cell of some contract in the environment. */
export type EnvironmentCell = TrafficCell & { contractId: string };

/**
 * Every contract's cells in one environment over (from, to], in two reads whatever the number of
 * contracts: rolled-up hours, and the raw cells of hours not rolled up yet (the current one, or one
 * a late window reached). Days of traffic over a whole landscape stay a few rows per hour this way.
 */
export async function readEnvironmentCells(db: Db, { environmentId, from, to }: { environmentId: string; from: Date; to: Date }): Promise<EnvironmentCell[]> {
  const pendingHour = (contractId: typeof trafficHours.contractId | typeof trafficCells.contractId, hour: ReturnType<typeof sql>) =>
    sql`exists (select 1 from ${trafficPendingHours} where ${trafficPendingHours.contractId} = ${contractId} and ${trafficPendingHours.environmentId} = ${environmentId} and ${trafficPendingHours.hour} = ${hour})`;
  const rolled = await db
    .select()
    .from(trafficHours)
    .where(and(eq(trafficHours.environmentId, environmentId), gte(trafficHours.hour, new Date(from.getTime() - HOUR_MS + 1)), lt(trafficHours.hour, new Date(to.getTime() - HOUR_MS + 1)), sql`not ${pendingHour(trafficHours.contractId, sql`${trafficHours.hour}`)}`));
  // The hour ingest marked for the cell's window: the one its end falls in, counted from the epoch
  // as ingest counts it (date_trunc would follow the session's time zone, off by half an hour in some).
  const hourOfCell = sql`to_timestamp(floor(extract(epoch from ${trafficCells.endedAt}) / 3600) * 3600)`;
  const raw = await db
    .select({ contractId: trafficCells.contractId, at: trafficCells.endedAt, operation: trafficCells.operation, consumer: trafficCells.consumer, documented: trafficCells.documented, requests: trafficCells.requests, errors: trafficCells.errors, violations: trafficCells.violations, undocumented: trafficCells.undocumented, messagesSeen: trafficCells.messagesSeen, messagesValidated: trafficCells.messagesValidated, messagesDropped: trafficCells.messagesDropped, latency: trafficCells.latency })
    .from(trafficCells)
    .where(and(eq(trafficCells.environmentId, environmentId), gt(trafficCells.endedAt, from), lte(trafficCells.endedAt, to), pendingHour(trafficCells.contractId, hourOfCell)));
  return [...rolled.map((r) => ({ contractId: r.contractId, at: new Date(r.hour.getTime() + HOUR_MS), operation: r.operation, consumer: r.consumer, documented: r.documented, requests: r.requests, errors: r.errors, violations: r.violations, undocumented: r.undocumented, messagesSeen: r.messagesSeen, messagesValidated: r.messagesValidated, messagesDropped: r.messagesDropped, latency: r.latency })), ...raw];
}
