import type { Db } from '../db/index.js';
import { newId } from '../shared/index.js';
import { cloudEvent } from './cloud-event.js';
import { webhookDeliveries } from './notify.tables.js';

export interface DeliveryInput {
  endpointId: string;
  source: string;
  /** The CloudEvents type, e.g. `dev.accord.version.published`. */
  type: string;
  subject?: string;
  data: Record<string, unknown>;
  now: Date;
}

/**
 * Writes one outbox row with the exact body to send, due at once. Called inside the transaction of
 * the change it announces, so the row exists exactly when the change does.
 */
export async function enqueueDelivery(tx: Db, { endpointId, source, type, subject, data, now }: DeliveryInput): Promise<{ id: string; eventId: string }> {
  const id = newId(now.getTime());
  const eventId = newId(now.getTime());
  const body = JSON.stringify(cloudEvent({ id: eventId, source, type, subject, time: now, data }));
  await tx.insert(webhookDeliveries).values({ id, endpointId, eventId, eventType: type, body, status: 'pending', attempts: 0, nextAttemptAt: now, createdAt: now });
  return { id, eventId };
}
