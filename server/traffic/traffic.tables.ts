import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { contracts, environments } from '../registry/registry.tables.js';
import type { LatencySketch, TrafficViolation, UndocumentedTraffic } from '../shared/index.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * One window a reporter sent, as received. The reporter's id is unique, so a window resent after a
 * lost answer is recognised and never counted twice; the content hash tells a resend from a clash.
 */
export const trafficWindows = pgTable(
  'traffic_windows',
  {
    id: uuid('id').primaryKey(),
    windowId: text('window_id').notNull(),
    contentHash: text('content_hash').notNull(),
    contractId: uuid('contract_id').notNull().references(() => contracts.id),
    environmentId: uuid('environment_id').notNull().references(() => environments.id),
    version: text('version').notNull(),
    source: text('source').notNull(),
    reporter: text('reporter').notNull(),
    startedAt: at('started_at').notNull(),
    endedAt: at('ended_at').notNull(),
    receivedAt: at('received_at').notNull(),
    violations: jsonb('violations').$type<TrafficViolation[]>().notNull(),
    undocumented: jsonb('undocumented').$type<UndocumentedTraffic[]>().notNull(),
  },
  (t) => [uniqueIndex('traffic_windows_window_id_key').on(t.windowId), index('traffic_windows_contract_env_ended_idx').on(t.contractId, t.environmentId, t.endedAt)],
);

/**
 * One operation × consumer cell of a window, with the window's place in time copied in so the
 * queries of a contract's traffic read one index range and join nothing. Undocumented requests are
 * cells too (`documented` false, their count in `undocumented`), so rollups carry them alike.
 */
export const trafficCells = pgTable(
  'traffic_cells',
  {
    windowId: uuid('window_id')
      .notNull()
      .references(() => trafficWindows.id, { onDelete: 'cascade' }),
    contractId: uuid('contract_id').notNull(),
    environmentId: uuid('environment_id').notNull(),
    endedAt: at('ended_at').notNull(),
    operation: text('operation').notNull(),
    consumer: text('consumer').notNull(),
    documented: boolean('documented').notNull(),
    requests: integer('requests').notNull(),
    errors: integer('errors').notNull(),
    violations: integer('violations').notNull(),
    undocumented: integer('undocumented').notNull(),
    /** Broker listeners only: messages received, validated, and dropped unvalidated because validation fell behind. */
    messagesSeen: integer('messages_seen').notNull().default(0),
    messagesValidated: integer('messages_validated').notNull().default(0),
    messagesDropped: integer('messages_dropped').notNull().default(0),
    latency: jsonb('latency').$type<LatencySketch>().notNull(),
    latencySumMs: doublePrecision('latency_sum_ms').notNull(),
  },
  (t) => [primaryKey({ columns: [t.windowId, t.operation, t.consumer, t.documented] }), index('traffic_cells_contract_env_ended_idx').on(t.contractId, t.environmentId, t.endedAt)],
);

/** The hourly rollup: what long ranges read, and what outlives the raw windows' retention. */
export const trafficHours = pgTable(
  'traffic_hours',
  {
    contractId: uuid('contract_id').notNull(),
    environmentId: uuid('environment_id').notNull(),
    hour: at('hour').notNull(),
    operation: text('operation').notNull(),
    consumer: text('consumer').notNull(),
    documented: boolean('documented').notNull(),
    requests: integer('requests').notNull(),
    errors: integer('errors').notNull(),
    violations: integer('violations').notNull(),
    undocumented: integer('undocumented').notNull(),
    /** Broker listeners only: messages received, validated, and dropped unvalidated because validation fell behind. */
    messagesSeen: integer('messages_seen').notNull().default(0),
    messagesValidated: integer('messages_validated').notNull().default(0),
    messagesDropped: integer('messages_dropped').notNull().default(0),
    latency: jsonb('latency').$type<LatencySketch>().notNull(),
    latencySumMs: doublePrecision('latency_sum_ms').notNull(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.environmentId, t.hour, t.operation, t.consumer, t.documented] })],
);

/**
 * Hours that received windows since they were last rolled up. Ingest marks them; the rollup job
 * recomputes each marked hour from the raw cells, so a window spooled for hours and sent late
 * lands in its own hour's rollup, and queries read raw cells for marked hours.
 */
export const trafficPendingHours = pgTable(
  'traffic_pending_hours',
  {
    contractId: uuid('contract_id').notNull(),
    environmentId: uuid('environment_id').notNull(),
    hour: at('hour').notNull(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.environmentId, t.hour] })],
);

/** A contract's service level objective in one environment; without a row, the installation default applies. */
export const trafficSlos = pgTable(
  'traffic_slos',
  {
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    environmentId: uuid('environment_id')
      .notNull()
      .references(() => environments.id),
    p95Ms: doublePrecision('p95_ms').notNull(),
    errorRate: doublePrecision('error_rate').notNull(),
    windowSeconds: integer('window_seconds').notNull(),
    openAfter: integer('open_after').notNull(),
    resolveAfter: integer('resolve_after').notNull(),
    updatedAt: at('updated_at').notNull(),
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.environmentId] })],
);

/**
 * Where each objective's evaluation stands: the current run of breaching or healthy evaluations and
 * when it began. Evaluations lock this row, so instances sharing a database take turns.
 */
export const trafficSloStates = pgTable(
  'traffic_slo_states',
  {
    contractId: uuid('contract_id').notNull(),
    environmentId: uuid('environment_id').notNull(),
    kind: text('kind', { enum: ['latency', 'errors'] }).notNull(),
    breaching: integer('breaching').notNull().default(0),
    healthy: integer('healthy').notNull().default(0),
    streakStartedAt: at('streak_started_at'),
    evaluatedAt: at('evaluated_at'),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.environmentId, t.kind] })],
);

export const trafficIncidents = pgTable(
  'traffic_incidents',
  {
    id: uuid('id').primaryKey(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    environmentId: uuid('environment_id')
      .notNull()
      .references(() => environments.id),
    kind: text('kind', { enum: ['latency', 'errors'] }).notNull(),
    /** When the breach began: the start of the first breaching evaluation, not when hysteresis let it open. */
    openedAt: at('opened_at').notNull(),
    resolvedAt: at('resolved_at'),
    threshold: doublePrecision('threshold').notNull(),
    /** The worst value evaluated while open: P95 in ms, or the error rate. */
    worst: doublePrecision('worst').notNull(),
    /** The consumers whose own traffic breached the objective while the incident was open. */
    consumers: text('consumers').array().notNull(),
  },
  (t) => [
    // The constraint that keeps two instances evaluating the same breach to one incident.
    uniqueIndex('traffic_incidents_open_key').on(t.contractId, t.environmentId, t.kind).where(sql`${t.resolvedAt} is null`),
    index('traffic_incidents_contract_opened_idx').on(t.contractId, t.openedAt),
  ],
);
