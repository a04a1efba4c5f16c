import { and, eq, gte, lt } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import type { Clock } from '../shared/index.js';
import { readRawCells } from './read-cells.js';
import { figuresOf } from './summarize-traffic.js';
import { trafficCells, trafficHours, trafficPendingHours } from './traffic.tables.js';
import { mergeLatencySketches } from '../shared/index.js';

const HOUR_MS = 3_600_000;

/**
 * Recomputes the hourly rollup of every pending hour that has ended, from its raw cells, and clears
 * the mark. Recomputing rather than adding makes a second run (or a second instance) harmless; SKIP
 * LOCKED lets instances share the backlog. Returns how many hours were rolled up.
 */
export async function rollUpTraffic({ db, clock, batchSize = 50 }: { db: Db; clock: Clock; batchSize?: number }): Promise<number> {
  const currentHour = new Date(Math.floor(clock.now().getTime() / HOUR_MS) * HOUR_MS);
  let rolled = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const hours = await tx.select().from(trafficPendingHours).where(lt(trafficPendingHours.hour, currentHour)).limit(batchSize).for('update', { skipLocked: true });
      for (const { contractId, environmentId, hour } of hours) {
        const end = new Date(hour.getTime() + HOUR_MS);
        const cells = (await readRawCells(tx, { contractId, environmentId, from: new Date(hour.getTime() - 1), to: end })).filter((c) => c.at.getTime() < end.getTime());
        const sums = await tx.select({ operation: trafficCells.operation, consumer: trafficCells.consumer, documented: trafficCells.documented, latencySumMs: trafficCells.latencySumMs }).from(trafficCells).where(and(eq(trafficCells.contractId, contractId), eq(trafficCells.environmentId, environmentId), gte(trafficCells.endedAt, hour), lt(trafficCells.endedAt, end)));
        const groups = new Map<string, typeof cells>();
        for (const c of cells) {
          const key = `${c.documented}\n${c.operation}\n${c.consumer}`;
          groups.set(key, [...(groups.get(key) ?? []), c]);
        }
        const sumOf = new Map<string, number>();
        for (const s of sums) sumOf.set(`${s.documented}\n${s.operation}\n${s.consumer}`, (sumOf.get(`${s.documented}\n${s.operation}\n${s.consumer}`) ?? 0) + s.latencySumMs);
        await tx.delete(trafficHours).where(and(eq(trafficHours.contractId, contractId), eq(trafficHours.environmentId, environmentId), eq(trafficHours.hour, hour)));
        const rows = [...groups].map(([key, group]) => {
          const f = figuresOf(group);
          const { operation, consumer, documented } = group[0]!;
          return { contractId, environmentId, hour, operation, consumer, documented, requests: f.requests, errors: f.errors, violations: f.violations, undocumented: f.undocumented, messagesSeen: f.messages?.seen ?? 0, messagesValidated: f.messages?.validated ?? 0, messagesDropped: f.messages?.dropped ?? 0, latency: mergeLatencySketches(group.map((c) => c.latency)), latencySumMs: sumOf.get(key) ?? 0 };
        });
        if (rows.length > 0) await tx.insert(trafficHours).values(rows);
        await tx.delete(trafficPendingHours).where(and(eq(trafficPendingHours.contractId, contractId), eq(trafficPendingHours.environmentId, environmentId), eq(trafficPendingHours.hour, hour)));
      }
      return hours.length;
    });
    rolled += done;
    if (done < batchSize) return rolled;
  }
}
