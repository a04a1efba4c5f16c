import type { Database } from '../../db/index.js';
import { newId } from '../../shared/index.js';
import { webhookAttempts, webhookDeliveries } from '../notify.tables.js';

export interface SeededDelivery {
  status: 'pending' | 'delivered' | 'failed';
  createdAt: Date;
  /** One attempt is logged at each time given; the last is the delivery's `lastAttemptAt`. */
  attemptsAt?: Date[];
}

/** A delivery with its attempt log, written straight into the tables, as an old installation would hold it. */
export async function seedDelivery(database: Database, endpointId: string, { status, createdAt, attemptsAt = [] }: SeededDelivery): Promise<string> {
  const id = newId(createdAt.getTime());
  const last = attemptsAt.at(-1) ?? null;
  await database.db.insert(webhookDeliveries).values({
    id,
    endpointId,
    eventId: newId(createdAt.getTime()),
    eventType: 'dev.accord.ping',
    body: '{}',
    status,
    attempts: attemptsAt.length,
    nextAttemptAt: last ?? createdAt,
    lastAttemptAt: last,
    lastStatus: last && (status === 'delivered' ? 200 : 503),
    deliveredAt: status === 'delivered' ? last : null,
    createdAt,
  });
  for (const at of attemptsAt) await database.db.insert(webhookAttempts).values({ id: newId(at.getTime()), deliveryId: id, at, status: 503, durationMs: 5 });
  return id;
}
