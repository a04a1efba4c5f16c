import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { isConnectionFailure, type Db } from '../db/index.js';
import { newId, systemClock, type Clock } from '../shared/index.js';
import { postWebhook } from './post-webhook.js';
import { pruneDeliveries } from './prune-deliveries.js';
import { retryDelayMs, type RetryPolicy } from './retry-delay.js';
import { webhookSignature } from './webhook-signature.js';
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from './notify.tables.js';

export interface DeliveryWorkerOptions {
  db: Db;
  clock?: Clock;
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
  /** Lets deliveries reach loopback and private networks (tests, closed installations). */
  allowPrivate?: boolean;
  /** How often to look for due deliveries when nobody wakes the worker. */
  pollIntervalMs?: number;
  /** Deliveries claimed and sent side by side at a time. */
  batchSize?: number;
  /** Attempts before a delivery is given up as `failed`. */
  maxAttempts?: number;
  retry?: RetryPolicy;
  /** Per attempt. */
  timeoutMs?: number;
  /** Delivered and failed deliveries, with their attempts, are deleted this long after their last attempt. */
  retentionDays?: number;
  /** How often to prune finished deliveries; the first pruning comes a minute after start at the latest. */
  pruneIntervalMs?: number;
  /** Told instead of the log when the database cannot be reached: an outage is reported once, elsewhere. */
  onDatabaseUnavailable?: () => void;
}

export interface DeliveryWorker {
  /** Look for due deliveries now, e.g. right after an event was written to the outbox. */
  wake(): void;
  /** Stops polling and waits for the deliveries being sent, so their outcome is recorded. */
  close(): Promise<void>;
}

// After a wake the outbox rows may not be committed yet (PostgreSQL runs the claim on another
// connection; PGlite's single connection makes it wait for the commit), so the worker looks once
// more shortly after instead of leaving them to the next poll.
const WAKE_FOLLOW_UP_MS = 250;

// Not at once: a starting instance has better things to do, and instances started together spread out.
const PRUNE_AFTER_START_MS = 60_000;

interface Claimed {
  id: string;
  eventId: string;
  body: string;
  attempts: number;
  url: string;
  secret: string;
}

/**
 * Sends the outbox. Each round claims due pending deliveries with FOR UPDATE SKIP LOCKED and
 * leases them by moving `next_attempt_at` past the longest a send can take, then commits: no lock
 * is held during the HTTP call, several instances on one PostgreSQL never send a row at the same
 * time, and a row whose worker died mid-send becomes due again when the lease runs out. Delivery is
 * therefore at least once; receivers drop repeats by the CloudEvents `id` (the `webhook-id`).
 * Once an hour it also deletes finished deliveries past their retention.
 */
export function startDeliveryWorker({
  db,
  clock = systemClock,
  log,
  allowPrivate = false,
  onDatabaseUnavailable = () => {},
  pollIntervalMs = 2_000,
  batchSize = 10,
  maxAttempts = 10,
  retry = { baseMs: 10_000, maxMs: 3_600_000 },
  timeoutMs = 10_000,
  retentionDays = 30,
  pruneIntervalMs = 3_600_000,
}: DeliveryWorkerOptions): DeliveryWorker {
  const leaseMs = 2 * timeoutMs + 30_000;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let draining: Promise<void> | undefined;
  let again = false;
  let woken = false;
  let pruneTimer: NodeJS.Timeout | undefined;
  let pruning: Promise<void> | undefined;
  const stopPruning = new AbortController();

  async function claim() {
    const now = clock.now();
    return db.transaction(async (tx) => {
      const due = await tx
        .select({ id: webhookDeliveries.id, eventId: webhookDeliveries.eventId, body: webhookDeliveries.body, attempts: webhookDeliveries.attempts, url: webhookEndpoints.url, secret: webhookEndpoints.secret, disabledAt: webhookEndpoints.disabledAt })
        .from(webhookDeliveries)
        .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
        .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now)))
        .orderBy(asc(webhookDeliveries.nextAttemptAt))
        .limit(batchSize)
        .for('update', { of: webhookDeliveries, skipLocked: true });
      const dropped = due.filter((d) => d.disabledAt !== null).map((d) => d.id);
      if (dropped.length > 0) await tx.update(webhookDeliveries).set({ status: 'failed', lastError: 'the endpoint was disabled' }).where(inArray(webhookDeliveries.id, dropped));
      const live = due.filter((d) => d.disabledAt === null);
      const lease = new Date(now.getTime() + leaseMs);
      if (live.length > 0) await tx.update(webhookDeliveries).set({ nextAttemptAt: lease }).where(inArray(webhookDeliveries.id, live.map((d) => d.id)));
      return { claimed: due.length, live, lease };
    });
  }

  /**
   * Sends one claimed delivery and records the attempt. The outcome is written only while the
   * row still carries this worker's lease: if the send outlived it and another worker re-claimed
   * the row, that worker owns the outcome, and this attempt only joins the log and the count.
   */
  async function deliver(delivery: Claimed, lease: Date): Promise<void> {
    const at = clock.now();
    const outcome = await postWebhook({
      url: delivery.url,
      body: delivery.body,
      allowPrivate,
      timeoutMs,
      headers: {
        'content-type': 'application/cloudevents+json',
        'webhook-id': delivery.eventId,
        // Signed at send time, so a retry carries a fresh timestamp the receiver's tolerance accepts.
        'accord-signature': webhookSignature(delivery.secret, delivery.body, Math.floor(at.getTime() / 1000)),
      },
    });
    // Counted in SQL, and given up on by the row's own count: a stale worker's attempt counts too.
    const attempts = sql`${webhookDeliveries.attempts} + 1`;
    const next = outcome.ok
      ? { status: 'delivered' as const, deliveredAt: clock.now() }
      : {
          status: sql<'pending' | 'failed'>`case when ${webhookDeliveries.attempts} + 1 >= ${maxAttempts} then 'failed' else 'pending' end`,
          nextAttemptAt: new Date(clock.now().getTime() + retryDelayMs(delivery.attempts + 1, retry)),
        };
    const [recorded] = await db.transaction(async (tx) => {
      await tx.insert(webhookAttempts).values({ id: newId(at.getTime()), deliveryId: delivery.id, at, status: outcome.status, error: outcome.error, durationMs: outcome.durationMs });
      const held = await tx
        .update(webhookDeliveries)
        .set({ attempts, lastAttemptAt: at, lastStatus: outcome.status, lastError: outcome.error, ...next })
        .where(and(eq(webhookDeliveries.id, delivery.id), eq(webhookDeliveries.status, 'pending'), eq(webhookDeliveries.nextAttemptAt, lease)))
        .returning({ status: webhookDeliveries.status, attempts: webhookDeliveries.attempts });
      if (held.length === 0) await tx.update(webhookDeliveries).set({ attempts }).where(eq(webhookDeliveries.id, delivery.id));
      return held;
    });
    if (recorded?.status === 'failed') log.warn({ delivery: delivery.id, attempts: recorded.attempts, error: outcome.error }, 'webhook delivery failed for good');
  }

  async function drain(): Promise<void> {
    do {
      again = false;
      const { claimed, live, lease } = await claim();
      await Promise.all(
        live.map((delivery) => deliver(delivery, lease).catch((err: unknown) => log.error({ err, delivery: delivery.id }, 'could not record a webhook attempt; the delivery will be retried'))),
      );
      // A full batch suggests more are due.
      if (claimed === batchSize) again = true;
    } while (again && !closed);
  }

  function schedule(delayMs: number) {
    clearTimeout(timer);
    if (closed) return;
    timer = setTimeout(run, delayMs);
    timer.unref();
  }

  function run() {
    if (closed) return;
    if (draining) {
      again = true;
      return;
    }
    clearTimeout(timer);
    const followUp = woken;
    woken = false;
    draining = drain()
      .catch((err: unknown) => (isConnectionFailure(err) ? onDatabaseUnavailable() : log.error({ err }, 'could not claim webhook deliveries')))
      .finally(() => {
        draining = undefined;
        // A wake that came after the last round looked must not wait for the next poll.
        if (again) return run();
        schedule(followUp ? Math.min(WAKE_FOLLOW_UP_MS, pollIntervalMs) : pollIntervalMs);
      });
  }

  function prune() {
    if (closed) return;
    pruning = pruneDeliveries({ db, clock, retentionDays, signal: stopPruning.signal })
      .then(() => undefined)
      .catch((err: unknown) => (isConnectionFailure(err) ? onDatabaseUnavailable() : log.error({ err }, 'could not prune old webhook deliveries')))
      .finally(() => {
        pruning = undefined;
        if (closed) return;
        pruneTimer = setTimeout(prune, pruneIntervalMs);
        pruneTimer.unref();
      });
  }

  // Deliveries left pending by an earlier run (a restart, a crash) are due now.
  run();
  pruneTimer = setTimeout(prune, Math.min(PRUNE_AFTER_START_MS, pruneIntervalMs));
  pruneTimer.unref();
  return {
    wake() {
      woken = true;
      run();
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      clearTimeout(pruneTimer);
      stopPruning.abort();
      await Promise.all([draining, pruning]);
    },
  };
}
