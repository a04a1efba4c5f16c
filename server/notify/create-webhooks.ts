import { and, asc, count, desc, eq, gte, inArray, isNull, lt, min } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/index.js';
import type { Db } from '../db/index.js';
import { idCursor, type Page, type PageRequest, readPageRequest, systems, toPage } from '../registry/index.js';
import { Conflict, InvalidInput, NotFound, RateLimited, describeActor, newId, type AccessPolicy, type Actor, type Clock, type Issue } from '../shared/index.js';
import type { Outbox } from './create-outbox.js';
import { newWebhookSecret } from './new-webhook-secret.js';
import { cloudEventType, PING_EVENT_TYPE, WEBHOOK_EVENT_TYPES } from './webhook-event-types.js';
import type { WebhookAttempt, WebhookDelivery, WebhookEndpoint, WebhookEndpointInput, WebhookEndpointWithSecret } from './webhook-types.js';
import { webhookUrlRefusal } from './webhook-url-refusal.js';
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from './notify.tables.js';

// Every endpoint multiplies each event's deliveries; a bound keeps one team from flooding the outbox.
const MAX_ACTIVE_ENDPOINTS_PER_SYSTEM = 20;

// Each test event is a request to a URL of the caller's choosing, retried when it fails: a bound
// keeps `POST /webhooks/{id}/test` from turning Accord into a loop that calls someone else's server.
const TEST_EVENTS_PER_MINUTE = 10;
const MINUTE_MS = 60_000;

export interface WebhooksDeps {
  db: Db;
  clock: Clock;
  access: AccessPolicy;
  outbox: Outbox;
  /** Accept endpoints on loopback and private networks (tests, closed installations). */
  allowPrivate?: boolean;
}

const columns = {
  id: webhookEndpoints.id,
  system: systems.slug,
  url: webhookEndpoints.url,
  events: webhookEndpoints.events,
  description: webhookEndpoints.description,
  createdBy: webhookEndpoints.createdBy,
  createdAt: webhookEndpoints.createdAt,
  disabledAt: webhookEndpoints.disabledAt,
  teamId: systems.teamId,
};

interface EndpointRow extends Omit<WebhookEndpoint, 'active'> {
  teamId: string;
}

const toEndpoint = ({ teamId: _teamId, ...row }: EndpointRow): WebhookEndpoint => ({ ...row, active: row.disabledAt === null });

/**
 * Webhook endpoints of a system and their delivery logs. Everything here, reading included, needs
 * the right to manage the owning team's webhooks (its maintainers, or its keys with `webhooks:write`):
 * URLs and delivery logs are configuration, not catalog data.
 */
export function createWebhooks({ db, clock, access, outbox, allowPrivate = false }: WebhooksDeps) {
  const select = (tx: Db) => tx.select(columns).from(webhookEndpoints).innerJoin(systems, eq(systems.id, webhookEndpoints.systemId));

  /** The endpoint, once the actor is known to manage its team; `lock` holds it for a change. */
  async function authorised(tx: Db, id: string, actor: Actor, { lock = false } = {}): Promise<EndpointRow> {
    if (!idCursor.safeParse(id).success) throw new NotFound(`webhook "${id.slice(0, 80)}"`);
    const query = select(tx).where(eq(webhookEndpoints.id, id));
    const [row] = lock ? await query.for('update', { of: webhookEndpoints }) : await query;
    if (!row) throw new NotFound(`webhook "${id}"`);
    await access.assert(tx, actor, 'webhook.manage', row.teamId);
    return row;
  }

  /** The system, share-locked inside a write so a concurrent move to another team waits for it. */
  async function systemOf(tx: Db, slug: string, { lock = false } = {}) {
    const query = tx.select({ id: systems.id, teamId: systems.teamId }).from(systems).where(eq(systems.slug, slug));
    const [row] = lock ? await query.for('share') : await query;
    if (!row) throw new NotFound(`system "${slug.slice(0, 80)}"`);
    return row;
  }

  async function deliveryLog(rows: (typeof webhookDeliveries.$inferSelect)[]): Promise<Map<string, WebhookAttempt[]>> {
    const log = new Map<string, WebhookAttempt[]>(rows.map((r) => [r.id, []]));
    if (rows.length === 0) return log;
    const attempts = await db
      .select()
      .from(webhookAttempts)
      .where(inArray(webhookAttempts.deliveryId, rows.map((r) => r.id)))
      .orderBy(asc(webhookAttempts.at), asc(webhookAttempts.id));
    for (const { deliveryId, at, status, error, durationMs } of attempts) log.get(deliveryId)?.push({ at, status, error, durationMs });
    return log;
  }

  return {
    /** Registers an endpoint; the answer carries its signing secret, which is never shown again. */
    async create(system: string, input: WebhookEndpointInput, actor: Actor): Promise<WebhookEndpointWithSecret> {
      const { url, events } = checkInput(input, allowPrivate);
      return db.transaction(async (tx) => {
        const owner = await systemOf(tx, system, { lock: true });
        await access.assert(tx, actor, 'webhook.manage', owner.teamId);
        const [active] = await tx.select({ n: count() }).from(webhookEndpoints).where(and(eq(webhookEndpoints.systemId, owner.id), isNull(webhookEndpoints.disabledAt)));
        if ((active?.n ?? 0) >= MAX_ACTIVE_ENDPOINTS_PER_SYSTEM) {
          throw new Conflict('webhook-limit', `system "${system}" already has ${MAX_ACTIVE_ENDPOINTS_PER_SYSTEM} active webhooks; disable one first`);
        }
        const now = clock.now();
        const id = newId(now.getTime());
        const secret = newWebhookSecret();
        await tx.insert(webhookEndpoints).values({ id, systemId: owner.id, url, secret, events, description: input.description ?? '', createdBy: describeActor(actor), createdAt: now });
        // Only the origin: paths and queries of webhook URLs often carry tokens.
        await recordAuditEvent(tx, { actor, action: 'webhook.created', targetType: 'webhook', targetId: id, summary: { system, origin: new URL(url).origin, events }, at: now });
        const [row] = await select(tx).where(eq(webhookEndpoints.id, id));
        return { ...toEndpoint(row!), secret };
      });
    },

    async list(system: string, actor: Actor): Promise<{ items: WebhookEndpoint[] }> {
      const owner = await systemOf(db, system);
      await access.assert(db, actor, 'webhook.manage', owner.teamId);
      const rows = await select(db).where(eq(webhookEndpoints.systemId, owner.id)).orderBy(asc(webhookEndpoints.id));
      return { items: rows.map(toEndpoint) };
    },

    async get(id: string, actor: Actor): Promise<WebhookEndpoint> {
      return toEndpoint(await authorised(db, id, actor));
    },

    /** Stops deliveries to the endpoint for good; its pending ones are closed as failed. Repeating it changes nothing. */
    async disable(id: string, actor: Actor): Promise<WebhookEndpoint> {
      return db.transaction(async (tx) => {
        const row = await authorised(tx, id, actor, { lock: true });
        if (row.disabledAt !== null) return toEndpoint(row);
        const now = clock.now();
        await tx.update(webhookEndpoints).set({ disabledAt: now }).where(eq(webhookEndpoints.id, id));
        await tx
          .update(webhookDeliveries)
          .set({ status: 'failed', lastError: 'the endpoint was disabled' })
          .where(and(eq(webhookDeliveries.endpointId, id), eq(webhookDeliveries.status, 'pending')));
        await recordAuditEvent(tx, { actor, action: 'webhook.disabled', targetType: 'webhook', targetId: id, summary: { system: row.system }, at: now });
        return toEndpoint({ ...row, disabledAt: now });
      });
    },

    /** Replaces the signing secret at once: every later attempt, retries included, is signed with the new one. */
    async rotateSecret(id: string, actor: Actor): Promise<WebhookEndpointWithSecret> {
      return db.transaction(async (tx) => {
        const row = await authorised(tx, id, actor, { lock: true });
        const secret = newWebhookSecret();
        await tx.update(webhookEndpoints).set({ secret }).where(eq(webhookEndpoints.id, id));
        await recordAuditEvent(tx, { actor, action: 'webhook.secret-rotated', targetType: 'webhook', targetId: id, summary: { system: row.system }, at: clock.now() });
        return { ...toEndpoint(row), secret };
      });
    },

    /** The delivery log, newest first, each delivery with its attempts. */
    async deliveries(id: string, page: PageRequest, actor: Actor): Promise<Page<WebhookDelivery>> {
      await authorised(db, id, actor);
      const { limit, after } = readPageRequest(page, idCursor);
      const rows = await db
        .select()
        .from(webhookDeliveries)
        .where(and(eq(webhookDeliveries.endpointId, id), after === undefined ? undefined : lt(webhookDeliveries.id, after)))
        .orderBy(desc(webhookDeliveries.id))
        .limit(limit + 1);
      const log = await deliveryLog(rows.slice(0, limit));
      return toPage(rows, limit, (r) => r.id, (r) => toDelivery(r, log.get(r.id) ?? []));
    },

    async countDeliveries(id: string, actor: Actor): Promise<number> {
      await authorised(db, id, actor);
      const [row] = await db.select({ n: count() }).from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, id));
      return row!.n;
    },

    /** Enqueues a `dev.accord.ping` to the endpoint, to try the receiver and its signature check. */
    async test(id: string, actor: Actor): Promise<WebhookDelivery> {
      const { id: deliveryId } = await db.transaction(async (tx) => {
        // Locked, so that concurrent tests of one endpoint, on any instance, are counted one after the other.
        const row = await authorised(tx, id, actor, { lock: true });
        if (row.disabledAt !== null) throw new Conflict('webhook-disabled', `webhook "${id}" is disabled and sends nothing`);
        await assertTestAllowed(tx, id, clock.now());
        return outbox.ping(tx, { id, system: row.system });
      });
      const [row] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId));
      return toDelivery(row!, (await deliveryLog([row!])).get(deliveryId) ?? []);
    },
  };
}

export type Webhooks = ReturnType<typeof createWebhooks>;

/** Refuses an endpoint's test event when it was sent `TEST_EVENTS_PER_MINUTE` in the last minute. */
async function assertTestAllowed(tx: Db, endpointId: string, now: Date): Promise<void> {
  const since = new Date(now.getTime() - MINUTE_MS);
  const [recent] = await tx
    .select({ n: count(), oldest: min(webhookDeliveries.createdAt) })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.endpointId, endpointId),
        // Delivery ids are UUIDv7 of their creation time: this bound lets the (endpoint_id, id) index find the last minute.
        gte(webhookDeliveries.id, firstIdOf(since)),
        gte(webhookDeliveries.createdAt, since),
        eq(webhookDeliveries.eventType, cloudEventType(PING_EVENT_TYPE)),
      ),
    );
  if (!recent || recent.n < TEST_EVENTS_PER_MINUTE || !recent.oldest) return;
  const retryAfterSeconds = Math.max(1, Math.ceil((new Date(recent.oldest).getTime() + MINUTE_MS - now.getTime()) / 1000));
  throw new RateLimited(`webhook "${endpointId}" was sent ${TEST_EVENTS_PER_MINUTE} test events in the last minute, the most it takes; try again in ${retryAfterSeconds} s`, retryAfterSeconds);
}

/** The smallest UUIDv7 of the millisecond `at`. */
function firstIdOf(at: Date): string {
  const hex = at.getTime().toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8)}-0000-0000-000000000000`;
}

function checkInput(input: WebhookEndpointInput, allowPrivate: boolean): { url: string; events: string[] } {
  const issues: Issue[] = [];
  const refusal = webhookUrlRefusal(input.url, { allowPrivate });
  if (refusal) issues.push({ pointer: '/url', message: refusal, code: 'webhook-url-refused' });
  const known = new Set<string>(WEBHOOK_EVENT_TYPES);
  (input.events ?? []).forEach((type, i) => {
    if (!known.has(type)) issues.push({ pointer: `/events/${i}`, message: `"${type.slice(0, 100)}" is not an event type; use one of ${WEBHOOK_EVENT_TYPES.join(', ')}`, code: 'unknown-event-type' });
  });
  const first = issues[0];
  if (first) throw new InvalidInput(`the webhook cannot be registered: ${first.message} (at ${first.pointer})`, issues);
  return { url: new URL(input.url).href, events: [...new Set(input.events ?? [])] };
}

function toDelivery(row: typeof webhookDeliveries.$inferSelect, attemptLog: WebhookAttempt[]): WebhookDelivery {
  return {
    id: row.id,
    eventId: row.eventId,
    eventType: row.eventType,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? row.nextAttemptAt : null,
    lastAttemptAt: row.lastAttemptAt,
    lastStatus: row.lastStatus,
    lastError: row.lastError,
    deliveredAt: row.deliveredAt,
    createdAt: row.createdAt,
    event: JSON.parse(row.body) as unknown,
    attemptLog,
  };
}
