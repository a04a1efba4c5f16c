import { and, inArray, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { systemClock, type Clock } from '../shared/index.js';
import { webhookAttempts, webhookDeliveries } from './notify.tables.js';

const DAY_MS = 86_400_000;

export interface PruneOptions {
  db: Db;
  clock?: Clock;
  /** Finished deliveries are kept this long after their last attempt (or creation, without one). */
  retentionDays: number;
  /** Deliveries deleted per transaction, so pruning a large backlog never holds many locks for long. */
  batchSize?: number;
  /** Stops between batches, e.g. when the server shuts down. */
  signal?: AbortSignal;
}

/**
 * Deletes delivered and failed deliveries, with their attempts, once they are older than the
 * retention. Age counts from the last attempt rather than creation: a delivery that kept retrying
 * for days keeps its log for the whole retention after it finished. Pending deliveries are never
 * deleted. Returns how many deliveries went.
 */
export async function pruneDeliveries({ db, clock = systemClock, retentionDays, batchSize = 500, signal }: PruneOptions): Promise<number> {
  const before = new Date(clock.now().getTime() - retentionDays * DAY_MS);
  const expired = and(
    inArray(webhookDeliveries.status, ['delivered', 'failed']),
    or(lt(webhookDeliveries.lastAttemptAt, before), and(isNull(webhookDeliveries.lastAttemptAt), lt(webhookDeliveries.createdAt, before))),
  );
  let pruned = 0;
  while (!signal?.aborted) {
    const deleted = await db.transaction(async (tx) => {
      // SKIP LOCKED: instances pruning at the same time take different batches.
      const ids = (await tx.select({ id: webhookDeliveries.id }).from(webhookDeliveries).where(expired).limit(batchSize).for('update', { skipLocked: true })).map((r) => r.id);
      if (ids.length === 0) return 0;
      await tx.delete(webhookAttempts).where(inArray(webhookAttempts.deliveryId, ids));
      await tx.delete(webhookDeliveries).where(inArray(webhookDeliveries.id, ids));
      return ids.length;
    });
    pruned += deleted;
    if (deleted < batchSize) break;
  }
  return pruned;
}
