import { and, eq, gt, lt, lte, max, sql } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { environments, type ObservedUse, type ObservedUsageQuery } from '../registry/index.js';
import { trafficCells, trafficHours, trafficPendingHours } from './traffic.tables.js';

const HOUR_MS = 3_600_000;

/**
 * Who called which documented operation of a contract in (from, to], per environment, with the
 * time each was last seen. An hour rolled up counts from its rollup (whole hours: one ending
 * inside the range counts), an hour still pending from its raw cells, so no request counts twice
 * and none waits for the rollup. The last-seen time comes from the raw cells while they are kept,
 * the end of the hour after that.
 */
export async function readObservedUsage(db: Db, { contractId, from, to, environmentId }: ObservedUsageQuery): Promise<ObservedUse[]> {
  const rolled = await db
    .select({ environment: environments.slug, operation: trafficHours.operation, consumer: trafficHours.consumer, requests: sql<string>`sum(${trafficHours.requests})`, lastHour: max(trafficHours.hour) })
    .from(trafficHours)
    .innerJoin(environments, eq(environments.id, trafficHours.environmentId))
    .where(
      and(
        eq(trafficHours.contractId, contractId),
        environmentId === undefined ? undefined : eq(trafficHours.environmentId, environmentId),
        eq(trafficHours.documented, true),
        gt(trafficHours.hour, new Date(from.getTime() - HOUR_MS)),
        lt(trafficHours.hour, to),
        sql`not exists (select 1 from ${trafficPendingHours} p where p.contract_id = ${trafficHours.contractId} and p.environment_id = ${trafficHours.environmentId} and p.hour = ${trafficHours.hour})`,
      ),
    )
    .groupBy(environments.slug, trafficHours.operation, trafficHours.consumer);
  const raw = await db
    .select({
      environment: environments.slug,
      operation: trafficCells.operation,
      consumer: trafficCells.consumer,
      requests: sql<string>`coalesce(sum(${trafficCells.requests}) filter (where exists (select 1 from ${trafficPendingHours} p where p.contract_id = ${trafficCells.contractId} and p.environment_id = ${trafficCells.environmentId} and p.hour <= ${trafficCells.endedAt} and ${trafficCells.endedAt} < p.hour + interval '1 hour')), 0)`,
      lastSeenAt: max(trafficCells.endedAt),
    })
    .from(trafficCells)
    .innerJoin(environments, eq(environments.id, trafficCells.environmentId))
    .where(
      and(
        eq(trafficCells.contractId, contractId),
        environmentId === undefined ? undefined : eq(trafficCells.environmentId, environmentId),
        eq(trafficCells.documented, true),
        gt(trafficCells.endedAt, from),
        lte(trafficCells.endedAt, to),
      ),
    )
    .groupBy(environments.slug, trafficCells.operation, trafficCells.consumer);
  const uses = new Map<string, ObservedUse>();
  const add = (environment: string, operation: string, consumer: string, requests: number, lastSeenAt: Date) => {
    const key = `${environment}\n${operation}\n${consumer}`;
    const known = uses.get(key);
    if (!known) return void uses.set(key, { environment, operation, consumer, requests, lastSeenAt });
    known.requests += requests;
    if (lastSeenAt > known.lastSeenAt) known.lastSeenAt = lastSeenAt;
  };
  for (const r of raw) add(r.environment, r.operation, r.consumer, Number(r.requests), r.lastSeenAt!);
  // A rolled-up hour whose cells are still kept already gave its precise last-seen time above.
  for (const r of rolled) {
    const key = `${r.environment}\n${r.operation}\n${r.consumer}`;
    const hourEnd = new Date(Math.min(r.lastHour!.getTime() + HOUR_MS, to.getTime()));
    add(r.environment, r.operation, r.consumer, Number(r.requests), uses.has(key) ? uses.get(key)!.lastSeenAt : hourEnd);
  }
  return [...uses.values()].filter((u) => u.requests > 0);
}
