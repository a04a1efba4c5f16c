import type { LoggedRegistryEvent, RegistryEventCursor, RegistryEventLog, RegistryEventType } from '../registry/index.js';

export interface RegistryEventFilter {
  contract?: string | null;
  types?: readonly RegistryEventType[] | null;
}

// A follower that stops reading loses its oldest events rather than the server's memory.
const MAX_QUEUED = 1_000;

/**
 * Live registry events for GraphQL subscriptions. One poller per process reads the registry's
 * event log while anyone follows and hands each follower what its filter wants; the log is read
 * from the database, so events written by any instance sharing it arrive, within one interval.
 */
export function createRegistryEventFeed({ log, pollIntervalMs = 1_000, onError }: { log: RegistryEventLog; pollIntervalMs?: number; onError: (error: unknown) => void }) {
  const followers = new Set<(events: LoggedRegistryEvent[]) => void>();
  let cursor: Promise<RegistryEventCursor> | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  let polling = false;

  async function poll() {
    const current = cursor;
    if (polling || !current) return;
    polling = true;
    try {
      const { events, cursor: next } = await log.since(await current);
      // Everyone left meanwhile (and someone may have started afresh): this read is stale.
      if (cursor !== current) return;
      cursor = Promise.resolve(next);
      if (events.length > 0) for (const deliver of followers) deliver(events);
    } catch (error) {
      onError(error);
    } finally {
      polling = false;
    }
  }

  function leave(deliver: (events: LoggedRegistryEvent[]) => void) {
    followers.delete(deliver);
    if (followers.size > 0) return;
    clearInterval(timer);
    timer = undefined;
    cursor = undefined;
  }

  return {
    /** Starts following before it answers, so every event recorded after the call is delivered. */
    async follow({ contract, types }: RegistryEventFilter): Promise<AsyncIterableIterator<LoggedRegistryEvent>> {
      const queue: LoggedRegistryEvent[] = [];
      let waiting: ((result: IteratorResult<LoggedRegistryEvent>) => void) | undefined;
      let closed = false;
      const wanted = (e: LoggedRegistryEvent) => (contract == null || e.contract === contract) && (types == null || types.length === 0 || types.includes(e.type));
      const deliver = (events: LoggedRegistryEvent[]) => {
        for (const event of events.filter(wanted)) {
          if (waiting) {
            const wake = waiting;
            waiting = undefined;
            wake({ value: event, done: false });
          } else {
            queue.push(event);
            if (queue.length > MAX_QUEUED) queue.shift();
          }
        }
      };
      const close = () => {
        if (closed) return;
        closed = true;
        leave(deliver);
        waiting?.({ value: undefined, done: true });
        waiting = undefined;
      };
      followers.add(deliver);
      if (!cursor) {
        cursor = log.head();
        timer = setInterval(() => void poll(), pollIntervalMs);
        timer.unref();
      }
      try {
        await cursor;
      } catch (error) {
        close();
        throw error;
      }
      const iterator: AsyncIterableIterator<LoggedRegistryEvent> = {
        next: () => {
          if (queue.length > 0) return Promise.resolve({ value: queue.shift()!, done: false });
          if (closed) return Promise.resolve({ value: undefined, done: true });
          return new Promise((resolve) => (waiting = resolve));
        },
        return: () => {
          close();
          return Promise.resolve({ value: undefined, done: true });
        },
        [Symbol.asyncIterator]: () => iterator,
      };
      return iterator;
    },
  };
}

export type RegistryEventFeed = ReturnType<typeof createRegistryEventFeed>;
