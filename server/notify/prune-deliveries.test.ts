import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/index.js';
import { createPgliteLocation, openTestDatabase } from '../test-support/test-database.js';
import { endpointAt } from './__fixtures__/endpoint-at.js';
import { seedDelivery } from './__fixtures__/seed-delivery.js';
import { pruneDeliveries } from './prune-deliveries.js';
import { webhookAttempts, webhookDeliveries } from './notify.tables.js';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

describe('pruning webhook deliveries', () => {
  let database: Database;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const opened = await createPgliteLocation();
    cleanup = opened.cleanup;
    database = await openTestDatabase(opened.location);
  });
  afterAll(async () => {
    await database?.close();
    await cleanup?.();
  });

  it('deletes finished deliveries past the retention with their attempts, and keeps pending and recent ones', async () => {
    const endpoint = await endpointAt(database, 'https://hooks.example.com/prune');
    const gone = {
      delivered: await seedDelivery(database, endpoint.id, { status: 'delivered', createdAt: daysAgo(41), attemptsAt: [daysAgo(41), daysAgo(40)] }),
      failed: await seedDelivery(database, endpoint.id, { status: 'failed', createdAt: daysAgo(45), attemptsAt: [daysAgo(45), daysAgo(44), daysAgo(43)] }),
      // Closed by disabling its endpoint before any attempt: its age counts from creation.
      neverTried: await seedDelivery(database, endpoint.id, { status: 'failed', createdAt: daysAgo(31) }),
    };
    const kept = {
      pending: await seedDelivery(database, endpoint.id, { status: 'pending', createdAt: daysAgo(60), attemptsAt: [daysAgo(60), daysAgo(50)] }),
      recent: await seedDelivery(database, endpoint.id, { status: 'delivered', createdAt: daysAgo(2), attemptsAt: [daysAgo(2)] }),
      // Created long ago but retried until recently: its log stays for the retention after its last attempt.
      lateFailure: await seedDelivery(database, endpoint.id, { status: 'failed', createdAt: daysAgo(40), attemptsAt: [daysAgo(40), daysAgo(5)] }),
      recentNeverTried: await seedDelivery(database, endpoint.id, { status: 'failed', createdAt: daysAgo(29) }),
    };

    // Batches of two: the three expired deliveries take two rounds.
    expect(await pruneDeliveries({ db: database.db, retentionDays: 30, batchSize: 2 })).toBe(3);

    const ids = [...Object.values(gone), ...Object.values(kept)];
    const deliveries = await database.db.select({ id: webhookDeliveries.id }).from(webhookDeliveries).where(inArray(webhookDeliveries.id, ids));
    expect(deliveries.map((d) => d.id).sort()).toEqual(Object.values(kept).sort());
    const attempts = await database.db.select({ deliveryId: webhookAttempts.deliveryId }).from(webhookAttempts).where(inArray(webhookAttempts.deliveryId, ids));
    expect(attempts.map((a) => a.deliveryId).sort()).toEqual([kept.pending, kept.pending, kept.recent, kept.lateFailure, kept.lateFailure].sort());

    expect(await pruneDeliveries({ db: database.db, retentionDays: 30 })).toBe(0);
    // A shorter retention reaches further.
    expect(await pruneDeliveries({ db: database.db, retentionDays: 3 })).toBe(2);
  });

  it('stops between batches once asked to', async () => {
    const endpoint = await endpointAt(database, 'https://hooks.example.com/prune-stop');
    for (let i = 0; i < 3; i++) await seedDelivery(database, endpoint.id, { status: 'delivered', createdAt: daysAgo(90), attemptsAt: [daysAgo(90)] });
    const stop = new AbortController();
    stop.abort();
    expect(await pruneDeliveries({ db: database.db, retentionDays: 30, batchSize: 1, signal: stop.signal })).toBe(0);
    expect(await pruneDeliveries({ db: database.db, retentionDays: 30, batchSize: 1 })).toBe(3);
  });
});
