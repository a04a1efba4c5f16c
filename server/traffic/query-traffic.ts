import { and, desc, eq, gt, gte, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { readRawCells } from './read-cells.js';
import type { Scope } from './resolve-scope.js';
import { stepFor, summarizeTraffic, type TrafficCell, type TrafficSummary } from './summarize-traffic.js';
import { trafficHours, trafficPendingHours, trafficWindows } from './traffic.tables.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Beyond this a range reads the hourly rollups: a week of ten-second windows is too many rows to merge per request. */
const RAW_RANGE_MS = 2 * DAY_MS;
const SAMPLES = 20;

export interface TrafficReport extends TrafficSummary {
  contract: string;
  environment: string;
  from: Date;
  to: Date;
  /** `raw`: every window; `hourly`: rollups, with raw windows only for hours not rolled up yet. */
  resolution: 'raw' | 'hourly';
  recentViolations: { at: Date; operation: string; consumer: string; pointer: string; rule: string; message: string; count: number; sample: string | null }[];
  recentUndocumented: { at: Date; request: string; consumer: string; count: number }[];
}

export async function queryTraffic(db: Db, scope: Scope, { from, to, retentionDays }: { from: Date; to: Date; retentionDays: number }): Promise<TrafficReport> {
  const range = { contractId: scope.contractId, environmentId: scope.environmentId, from, to };
  const hourly = to.getTime() - from.getTime() > RAW_RANGE_MS || from.getTime() < to.getTime() - retentionDays * DAY_MS;
  const cells = hourly ? await readHourlyCells(db, range) : await readRawCells(db, range);
  const summary = summarizeTraffic(cells, { from, stepMs: stepFor(to.getTime() - from.getTime(), { hourly }) });
  const windows = await db
    .select({ at: trafficWindows.endedAt, violations: trafficWindows.violations, undocumented: trafficWindows.undocumented })
    .from(trafficWindows)
    .where(and(eq(trafficWindows.contractId, scope.contractId), eq(trafficWindows.environmentId, scope.environmentId), gt(trafficWindows.endedAt, from), lte(trafficWindows.endedAt, to), sql`(jsonb_array_length(${trafficWindows.violations}) > 0 or jsonb_array_length(${trafficWindows.undocumented}) > 0)`))
    .orderBy(desc(trafficWindows.endedAt))
    .limit(SAMPLES);
  return {
    contract: scope.contract,
    environment: scope.environment,
    from,
    to,
    resolution: hourly ? 'hourly' : 'raw',
    ...summary,
    recentViolations: windows.flatMap((w) => w.violations.map((v) => ({ at: w.at, operation: v.operation, consumer: v.consumer, pointer: v.pointer, rule: v.rule, message: v.message, count: v.count, sample: v.sample ?? null }))).slice(0, SAMPLES),
    recentUndocumented: windows.flatMap((w) => w.undocumented.map((u) => ({ at: w.at, request: u.request, consumer: u.consumer, count: u.count }))).slice(0, SAMPLES),
  };
}

/**
 * Hours rolled up come from the rollup; hours still pending (the current one, or one a late window
 * reached) from their raw cells, so a long range never misses what the rollup has not seen yet.
 * A rollup hour counts when it ends inside the range.
 */
async function readHourlyCells(db: Db, { contractId, environmentId, from, to }: { contractId: string; environmentId: string; from: Date; to: Date }): Promise<TrafficCell[]> {
  const pending = (
    await db
      .select({ hour: trafficPendingHours.hour })
      .from(trafficPendingHours)
      .where(and(eq(trafficPendingHours.contractId, contractId), eq(trafficPendingHours.environmentId, environmentId), gte(trafficPendingHours.hour, new Date(from.getTime() - HOUR_MS)), lte(trafficPendingHours.hour, to)))
  ).map((p) => p.hour.getTime());
  const pendingSet = new Set(pending);
  const rolled = (
    await db
      .select()
      .from(trafficHours)
      .where(and(eq(trafficHours.contractId, contractId), eq(trafficHours.environmentId, environmentId), gte(trafficHours.hour, new Date(from.getTime() - HOUR_MS + 1)), lt(trafficHours.hour, new Date(to.getTime() - HOUR_MS + 1))))
  )
    .filter((r) => !pendingSet.has(r.hour.getTime()))
    .map((r) => ({ at: new Date(r.hour.getTime() + HOUR_MS), operation: r.operation, consumer: r.consumer, documented: r.documented, requests: r.requests, errors: r.errors, violations: r.violations, undocumented: r.undocumented, messagesSeen: r.messagesSeen, messagesValidated: r.messagesValidated, messagesDropped: r.messagesDropped, latency: r.latency }));
  const raw: TrafficCell[] = [];
  for (const hour of pending) {
    const cells = await readRawCells(db, { contractId, environmentId, from: new Date(Math.max(hour, from.getTime())), to: new Date(Math.min(hour + HOUR_MS, to.getTime())) });
    raw.push(...cells.filter((c) => Math.floor(c.at.getTime() / HOUR_MS) * HOUR_MS === hour));
  }
  return [...rolled, ...raw];
}

