import { eq } from 'drizzle-orm';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tables, type Database, type DatabaseLocation } from '../db/index.js';
import { newId, systemClock } from '../shared/index.js';
import { createPgliteLocation, createPostgresLocation, openTestDatabase, postgresUrl } from '../test-support/test-database.js';
import { startWebhookReceiver, type WebhookReceiver } from './__fixtures__/webhook-receiver.js';
import { createOutbox } from './create-outbox.js';
import { startDeliveryWorker } from './start-delivery-worker.js';

const { systems, teams, webhookDeliveries, webhookEndpoints } = tables;
const quiet = { warn: () => {}, error: () => {} };
const fast = { allowPrivate: true, pollIntervalMs: 20, retry: { baseMs: 20, maxMs: 50 }, log: quiet };

/** A team, a system and one endpoint pointing at `url`, written straight into the tables. */
async function endpointAt(database: Database, url: string): Promise<{ id: string; secret: string }> {
  const now = new Date();
  const teamId = newId();
  const systemId = newId();
  const endpoint = { id: newId(), secret: 'whsec_worker-test' };
  await database.db.insert(teams).values({ id: teamId, slug: `t-${teamId.slice(-8)}`, name: 'T', createdAt: now, updatedAt: now });
  await database.db.insert(systems).values({ id: systemId, slug: `s-${systemId.slice(-8)}`, name: 'S', teamId, domain: 'd', createdAt: now, updatedAt: now });
  await database.db.insert(webhookEndpoints).values({ ...endpoint, systemId, url, events: [], createdBy: 'test', createdAt: now });
  return endpoint;
}

async function ping(database: Database, endpointId: string, times: number): Promise<string[]> {
  const outbox = createOutbox({ clock: systemClock });
  const eventIds: string[] = [];
  for (let i = 0; i < times; i++) eventIds.push((await database.db.transaction((tx) => outbox.ping(tx, { id: endpointId, system: 's' }))).eventId);
  return eventIds;
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
  });
}

workerBehaviour('the delivery worker on PGlite', createPgliteLocation);
describe.skipIf(!postgresUrl)('on PostgreSQL', () => workerBehaviour('the delivery worker on PostgreSQL', createPostgresLocation));
