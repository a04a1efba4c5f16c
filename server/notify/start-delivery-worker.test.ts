import { eq } from 'drizzle-orm';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database, DatabaseLocation } from '../db/index.js';
import { systemClock } from '../shared/index.js';
import { createPgliteLocation, createPostgresLocation, openTestDatabase, postgresUrl } from '../test-support/test-database.js';
import { endpointAt } from './__fixtures__/endpoint-at.js';
import { seedDelivery } from './__fixtures__/seed-delivery.js';
import { startWebhookReceiver, type WebhookReceiver } from './__fixtures__/webhook-receiver.js';
import { createOutbox } from './create-outbox.js';
import { startDeliveryWorker } from './start-delivery-worker.js';
import { webhookAttempts, webhookDeliveries } from './notify.tables.js';

const quiet = { warn: () => {}, error: () => {} };
const fast = { allowPrivate: true, pollIntervalMs: 20, retry: { baseMs: 20, maxMs: 50 }, log: quiet };

async function ping(database: Database, endpointId: string, times: number): Promise<string[]> {
  const outbox = createOutbox({ clock: systemClock });
  const eventIds: string[] = [];
  for (let i = 0; i < times; i++) eventIds.push((await database.db.transaction((tx) => outbox.ping(tx, { id: endpointId, system: 's' }))).eventId);
  return eventIds;
}

/** A receiver on an ephemeral port that answers each request as `answer` says, when it says. */
async function receiverAnswering(answer: (nth: number) => Promise<number> | number): Promise<{ url: string; requests: () => number; close: () => void }> {
  let requests = 0;
  const server = createServer((req, res) => {
    const nth = ++requests;
    req.resume();
    void Promise.resolve(answer(nth)).then((status) => res.writeHead(status).end());
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, requests: () => requests, close: () => void server.close() };
}

/** A status the test gives later (Node 20 has no `Promise.withResolvers`). */
function heldAnswer(): { promise: Promise<number>; resolve: (status: number) => void } {
  let resolve!: (status: number) => void;
  const promise = new Promise<number>((r) => (resolve = r));
  return { promise, resolve };
}

const statusesOf = async (database: Database, endpointId: string) =>
  (await database.db.select({ status: webhookDeliveries.status }).from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId))).map((r) => r.status);

function workerBehaviour(name: string, open: () => Promise<{ location: DatabaseLocation; cleanup: () => Promise<void> }>) {
  describe(name, () => {
    let database: Database;
    let cleanup: () => Promise<void>;
    let receiver: WebhookReceiver;
    beforeAll(async () => {
      const opened = await open();
      cleanup = opened.cleanup;
      database = await openTestDatabase(opened.location);
      receiver = await startWebhookReceiver();
    });
    afterAll(async () => {
      await receiver?.close();
      await database?.close();
      await cleanup?.();
    });

    it('two workers sharing the outbox send each delivery once', async () => {
      const endpoint = await endpointAt(database, `${receiver.url}/shared`);
      receiver.secrets.set('/shared', endpoint.secret);
      const eventIds = await ping(database, endpoint.id, 30);
      const workers = [startDeliveryWorker({ db: database.db, batchSize: 4, ...fast }), startDeliveryWorker({ db: database.db, batchSize: 4, ...fast })];
      try {
        await vi.waitFor(async () => expect(await statusesOf(database, endpoint.id)).toEqual(Array(30).fill('delivered')), { timeout: 20_000, interval: 25 });
      } finally {
        await Promise.all(workers.map((w) => w.close()));
      }
      const sent = receiver.at('/shared').map((r) => r.headers['webhook-id']);
      expect([...sent].sort()).toEqual([...eventIds].sort());
      expect(receiver.at('/shared').every((r) => r.verified)).toBe(true);
    });

    it('closing waits for the sends in flight and records their outcome', async () => {
      // A receiver that holds the request until the test has asked the worker to close.
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let seen = false;
      const holding = createServer((req, res) => {
        seen = true;
        req.resume();
        void released.then(() => res.writeHead(200).end());
      });
      holding.listen(0, '127.0.0.1');
      await new Promise<void>((resolve) => holding.once('listening', resolve));
      const endpoint = await endpointAt(database, `http://127.0.0.1:${(holding.address() as AddressInfo).port}/`);
      await ping(database, endpoint.id, 1);
      const worker = startDeliveryWorker({ db: database.db, ...fast });
      try {
        await vi.waitFor(() => expect(seen).toBe(true), { timeout: 10_000, interval: 10 });
        const closing = worker.close();
        release();
        await closing;
        expect(await statusesOf(database, endpoint.id)).toEqual(['delivered']);
      } finally {
        holding.close();
      }
    });

    it('a send that outlives its lease records its attempt but leaves the outcome to the worker that claimed the delivery again', async () => {
      // Both requests hang until the test answers them: the first (stale) one with 500, the second with 200.
      const answers = [heldAnswer(), heldAnswer()];
      const receiver = await receiverAnswering((nth) => answers[nth - 1]!.promise);
      const endpoint = await endpointAt(database, receiver.url);
      await ping(database, endpoint.id, 1);
      const deliveryOf = async () => (await database.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id)))[0]!;
      const logOf = async (deliveryId: string) => (await database.db.select({ status: webhookAttempts.status }).from(webhookAttempts).where(eq(webhookAttempts.deliveryId, deliveryId))).map((a) => a.status);
      const stalled = startDeliveryWorker({ db: database.db, ...fast });
      try {
        await vi.waitFor(() => expect(receiver.requests()).toBe(1), { timeout: 10_000, interval: 10 });
        // Started only now: a worker polls once as it starts, and this one must not be the first to claim.
        const owner = startDeliveryWorker({ db: database.db, ...fast, pollIntervalMs: 3_600_000 });
        // The lease runs out while the first send still waits for its answer; the other worker takes the delivery.
        await database.db.update(webhookDeliveries).set({ nextAttemptAt: new Date(0) }).where(eq(webhookDeliveries.endpointId, endpoint.id));
        owner.wake();
        await vi.waitFor(() => expect(receiver.requests()).toBe(2), { timeout: 10_000, interval: 10 });
        const claimed = await deliveryOf();

        // The stale send fails while the owner's is still in flight: logged and counted, nothing else.
        const closing = stalled.close();
        answers[0]!.resolve(500);
        await closing;
        expect(await logOf(claimed.id)).toEqual([500]);
        expect(await deliveryOf()).toEqual({ ...claimed, attempts: 1 });

        const finishing = owner.close();
        answers[1]!.resolve(200);
        await finishing;
      } finally {
        receiver.close();
      }
      const delivery = await deliveryOf();
      expect(delivery).toMatchObject({ status: 'delivered', attempts: 2, lastStatus: 200, lastError: null });
      expect((await logOf(delivery.id)).sort()).toEqual([200, 500]);
    });

    it('prunes finished deliveries past the retention soon after it starts, and leaves pending ones', async () => {
      const endpoint = await endpointAt(database, 'http://127.0.0.1:9/retention');
      const long = new Date(Date.now() - 10 * 86_400_000);
      const old = await seedDelivery(database, endpoint.id, { status: 'delivered', createdAt: long, attemptsAt: [long] });
      // Pending but not due for a long while, so the worker leaves it alone.
      const waiting = await seedDelivery(database, endpoint.id, { status: 'pending', createdAt: long, attemptsAt: [long] });
      await database.db.update(webhookDeliveries).set({ nextAttemptAt: new Date(Date.now() + 86_400_000) }).where(eq(webhookDeliveries.id, waiting));
      const worker = startDeliveryWorker({ db: database.db, ...fast, retentionDays: 7, pruneIntervalMs: 20 });
      try {
        await vi.waitFor(async () => expect(await database.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, old))).toEqual([]), { timeout: 10_000, interval: 25 });
      } finally {
        await worker.close();
      }
      expect(await statusesOf(database, endpoint.id)).toEqual(['pending']);
      expect(await database.db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, old))).toEqual([]);
    });
  });
}

workerBehaviour('the delivery worker on PGlite', createPgliteLocation);
describe.skipIf(!postgresUrl)('on PostgreSQL', () => workerBehaviour('the delivery worker on PostgreSQL', createPostgresLocation));
