import type { Logger } from 'pino';
import type { Traffic } from './create-traffic.js';

export interface TrafficSweep {
  close(): Promise<void>;
}

/** Runs `traffic.sweep` every interval, one run at a time; a failed run is logged and the next one tries again. */
export function startTrafficSweep({ traffic, intervalMs, log, onDatabaseUnavailable = () => {}, isConnectionFailure = () => false }: { traffic: Traffic; intervalMs: number; log: Logger; onDatabaseUnavailable?: () => void; isConnectionFailure?: (err: unknown) => boolean }): TrafficSweep {
  const stop = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = traffic
      .sweep({ signal: stop.signal })
      .then((done) => {
        if (done.rolledUp > 0 || done.pruned > 0) log.info(done, 'traffic rolled up and pruned');
      })
      .catch((err: unknown) => (isConnectionFailure(err) ? onDatabaseUnavailable() : log.error({ err }, 'the traffic sweep failed')))
      .finally(() => {
        if (!stop.signal.aborted) timer = setTimeout(run, intervalMs);
      });
  };
  timer = setTimeout(run, intervalMs);
  return {
    async close() {
      stop.abort();
      clearTimeout(timer);
      await running;
    },
  };
}
