import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { systems } from '../registry/registry.tables.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

/** Where a team wants to hear about one of its systems: a URL, a signing secret, the event types. */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: uuid('id').primaryKey(),
    systemId: uuid('system_id').notNull().references(() => systems.id),
    url: text('url').notNull(),
    /** Kept as is: signing needs the secret itself, not a hash of it. */
    secret: text('secret').notNull(),
    /** Event types to receive; empty means all. */
    events: text('events').array().notNull(),
    description: text('description').notNull().default(''),
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull(),
    disabledAt: at('disabled_at'),
  },
  (t) => [index('webhook_endpoints_system_idx').on(t.systemId)],
);

/**
 * The outbox: one row per event and endpoint, written in the transaction of the change it
 * announces, with the exact body to send. The delivery worker claims due rows, so a restart
 * only delays a delivery, never loses it.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey(),
    endpointId: uuid('endpoint_id').notNull().references(() => webhookEndpoints.id),
    /** The CloudEvents `id`, which receivers use to drop duplicates. */
    eventId: text('event_id').notNull(),
    eventType: text('event_type').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at').notNull(),
    lastAttemptAt: at('last_attempt_at'),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    deliveredAt: at('delivered_at'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.id),
    check('webhook_deliveries_status_check', sql`${t.status} in ('pending', 'delivered', 'failed')`),
  ],
);

/** Each try of a delivery: the endpoint's delivery log. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: uuid('id').primaryKey(),
    deliveryId: uuid('delivery_id').notNull().references(() => webhookDeliveries.id),
    at: at('at').notNull(),
    status: integer('status'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [index('webhook_attempts_delivery_idx').on(t.deliveryId, t.at)],
);
