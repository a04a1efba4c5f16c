import type { PGlite, Transaction } from '@electric-sql/pglite';
import { EmbeddedDatabaseBusy } from './embedded-database-busy.js';

/** The part of PGlite that drizzle's driver calls. */
export type EmbeddedClient = Pick<PGlite, 'query' | 'exec' | 'transaction'>;

/**
 * PGlite's equivalent of PostgreSQL's pool-acquire timeout. PGlite has one connection, and every
 * statement and transaction queues for it; a transaction that stalls between its statements would
 * otherwise keep every request after it waiting for ever. Here each call waits its turn in a queue
 * of Accord's own in front of PGlite's, for at most `waitMs`, and then fails as the database being
 * unavailable (503 with Retry-After), as a frozen PostgreSQL does.
 *
 * A statement that is running cannot be bounded: PGlite executes it synchronously on the event
 * loop, so while it runs nothing else does, and no socket is left waiting on it unanswered.
 */
export function boundEmbeddedClient(client: PGlite, waitMs: number): EmbeddedClient {
  let tail: Promise<void> = Promise.resolve();
  // Calls that hold the connection or wait for it. When there are none, a call takes its turn at
  // once and arms no timer: that is nearly every call, and a timer per statement is not free.
  let queued = 0;

  // Resolves to a release function once every call queued before this one is done, or rejects
  // after waitMs. A call that gave up still passes its turn on when the one before it finishes.
  const turn = (): Promise<() => void> => {
    let passOn!: () => void;
    const done = new Promise<void>((resolve) => (passOn = resolve));
    const release = () => {
      queued--;
      passOn();
    };
    const previous = tail;
    tail = previous.then(() => done);
    if (queued++ === 0) return Promise.resolve(release);
    const started = Date.now();
    return new Promise((resolve, reject) => {
      let gaveUp = false;
      const timer = setTimeout(() => {
        gaveUp = true;
        reject(new EmbeddedDatabaseBusy(Date.now() - started));
      }, waitMs);
      timer.unref();
      void previous.then(() => {
        clearTimeout(timer);
        if (gaveUp) release();
        else resolve(release);
      });
    });
  };

  const exclusively = async <T>(work: () => Promise<T>): Promise<T> => {
    const release = await turn();
    try {
      return await work();
    } finally {
      release();
    }
  };

  return {
    query: ((query: string, params?: unknown[], options?: object) => exclusively(() => client.query(query, params, options))) as PGlite['query'],
    exec: ((query: string, options?: object) => exclusively(() => client.exec(query, options))) as PGlite['exec'],
    transaction: (<T>(callback: (tx: Transaction) => Promise<T>) => exclusively(() => client.transaction(callback))) as PGlite['transaction'],
  };
}
