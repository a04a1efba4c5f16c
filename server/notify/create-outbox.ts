import { and, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import type { EventSink, RegistryEvent } from '../registry/index.js';
import { systems } from '../registry/index.js';
import type { Clock } from '../shared/index.js';
import { audienceOf } from './audience-of.js';
import { enqueueDelivery } from './enqueue-delivery.js';
import { cloudEventType, PING_EVENT_TYPE } from './webhook-event-types.js';
import { webhookEndpoints } from './notify.tables.js';

export interface Outbox {
  /** The registry's event sink: one outbox row per interested endpoint, in the event's transaction. */
  emit: EventSink;
  /** Enqueues a `dev.accord.ping` to one endpoint, whatever its event filter. */
  ping(tx: Db, endpoint: { id: string; system: string }): Promise<{ id: string; eventId: string }>;
}

export interface OutboxOptions {
  clock: Clock;
  /** The CloudEvents `source`: the server's public URL when it has one. */
  source?: string;
  /**
   * Told that rows were written, so the delivery worker can look at once rather than at its next
   * poll. It runs before the transaction commits: the worker must cope with not seeing the rows yet.
   */
  onEnqueued?: () => void;
}

export function createOutbox({ clock, source = 'urn:accord', onEnqueued = () => {} }: OutboxOptions): Outbox {
  return {
    async emit(tx, event) {
      const named = systemsNamedIn(event);
      const endpoints = (
        await tx
          .select({ id: webhookEndpoints.id, systemId: webhookEndpoints.systemId, events: webhookEndpoints.events })
          .from(webhookEndpoints)
          .where(and(inArray(webhookEndpoints.systemId, named), isNull(webhookEndpoints.disabledAt)))
      ).filter((e) => e.events.length === 0 || e.events.includes(event.type));
      // Most installations have few endpoints: the common case ends here, after one indexed read.
      if (endpoints.length === 0) return;
      const slugs = new Map((await tx.select({ id: systems.id, slug: systems.slug }).from(systems).where(inArray(systems.id, named))).map((s) => [s.id, s.slug]));
      const now = clock.now();
      let enqueued = 0;
      for (const listener of audienceOf(event, (id) => slugs.get(id) ?? id)) {
        for (const endpoint of endpoints.filter((e) => e.systemId === listener.systemId)) {
          await enqueueDelivery(tx, { endpointId: endpoint.id, source, type: cloudEventType(event.type), subject: event.contract, data: listener.data, now });
          enqueued++;
        }
      }
      if (enqueued > 0) onEnqueued();
    },

    async ping(tx, endpoint) {
      const delivery = await enqueueDelivery(tx, {
        endpointId: endpoint.id,
        source,
        type: cloudEventType(PING_EVENT_TYPE),
        data: { webhookId: endpoint.id, system: endpoint.system, message: 'a test event sent from Accord; receivers should answer with a 2xx status' },
        now: clock.now(),
      });
      onEnqueued();
      return delivery;
    },
  };
}

/** Every system an event names: its listeners, and the consumers an owner is told about. */
function systemsNamedIn(event: RegistryEvent): string[] {
  const ids = new Set([event.ownerSystemId]);
  if ('consumers' in event) for (const c of event.consumers) ids.add(c.systemId);
  if ('consumerSystemId' in event) ids.add(event.consumerSystemId);
  return [...ids];
}
