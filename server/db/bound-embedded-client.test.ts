import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createPgliteLocation } from '../test-support/test-database.js';
import { isConnectionFailure } from './is-connection-failure.js';
import { openDatabase, type Database } from './open-database.js';

// Both drivers answer with `{ rows }`; the database handle's type does not say so.
const rowsOf = async (result: Promise<unknown>) => ((await result) as { rows: unknown[] }).rows;

describe('the embedded database under a stalled transaction', () => {
  const opened: { database: Database; cleanup: () => Promise<void> }[] = [];
  afterEach(async () => {
    for (const { database, cleanup } of opened.splice(0)) {
      await database.close();
      await cleanup();
    }
  });

  const open = async (queryMs: number) => {
    const { location, cleanup } = await createPgliteLocation();
    const database = await openDatabase(location, { timeouts: { connectMs: 5_000, queryMs } });
    opened.push({ database, cleanup });
    return database;
  };

  it('answers a waiting statement as the database being unavailable once the wait bound passes, and recovers', async () => {
    const { db } = await open(300);
    let finish!: () => void;
    const stalled = new Promise<void>((resolve) => (finish = resolve));
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const transaction = db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      holding();
      await stalled;
      return rowsOf(tx.execute(sql`select 2 as two`));
    });
    await held;

    const waited = await db.execute(sql`select 1`).then(
      () => 'answered',
      (error: unknown) => error,
    );
    finish();
    expect(waited).toBeInstanceOf(Error);
    expect(isConnectionFailure(waited)).toBe(true);
    expect(((waited as Error).cause as Error).message).toMatch(/embedded database was busy for \d+ ms/);

    // The holder is not cut off: it finishes its work, and statements run again afterwards.
    expect(await transaction).toEqual([{ two: 2 }]);
    expect(await rowsOf(db.execute(sql`select 3 as three`))).toEqual([{ three: 3 }]);
  });

  it('keeps statements in order and lets each one run when none waits past the bound', async () => {
    const { db } = await open(10_000);
    const order: number[] = [];
    await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        db.transaction(async (tx) => {
          await tx.execute(sql`select ${n}::int`);
          order.push(n);
        }),
      ),
    );
    expect(order).toEqual([1, 2, 3, 4, 5]);
  });

  it('passes the turn on when a waiter gave up, so later statements are not stuck behind it', async () => {
    const { db } = await open(200);
    let finish!: () => void;
    const stalled = new Promise<void>((resolve) => (finish = resolve));
    const transaction = db.transaction(async () => stalled);
    const gaveUp = db.execute(sql`select 1`).catch((error: unknown) => error);
    expect(isConnectionFailure(await gaveUp)).toBe(true);
    finish();
    await transaction;
    expect(await rowsOf(db.execute(sql`select 4 as four`))).toEqual([{ four: 4 }]);
  });
});
