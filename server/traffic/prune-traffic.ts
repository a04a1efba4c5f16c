import { inArray, lt } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import type { Clock } from '../shared/index.js';
import { trafficWindows } from './traffic.tables.js';

const DAY_MS = 86_400_000;

/**
 * Deletes raw windows (their cells go with them) that ended before the retention. Their hours were
 * rolled up long before: an hour is rolled up once it ends, and the retention is at least a day.
 * Returns how many windows went.
 */
export async function pruneTraffic({ db, clock, retentionDays, batchSize = 1000, signal }: { db: Db; clock: Clock; retentionDays: number; batchSize?: number; signal?: AbortSignal }): Promise<number> {
  const before = new Date(clock.now().getTime() - retentionDays * DAY_MS);
  let pruned = 0;
  while (!signal?.aborted) {
    const deleted = await db.transaction(async (tx) => {
      // SKIP LOCKED: instances pruning at the same time take different batches.
      const ids = (await tx.select({ id: trafficWindows.id }).from(trafficWindows).where(lt(trafficWindows.endedAt, before)).limit(batchSize).for('update', { skipLocked: true })).map((r) => r.id);
      if (ids.length > 0) await tx.delete(trafficWindows).where(inArray(trafficWindows.id, ids));
      return ids.length;
    });
    pruned += deleted;
    if (deleted < batchSize) break;
  }
  return pruned;
}
