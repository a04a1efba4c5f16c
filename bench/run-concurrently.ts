export interface ConcurrentRunOptions {
  count: number;
  /** Callers in flight at once; each takes the next index as soon as its previous call settles. */
  clients?: number;
  call: (index: number) => Promise<void>;
}

export interface ConcurrentRun {
  elapsedMs: number;
  latenciesMs: number[];
}

/**
 * A closed-loop load: `clients` workers share one counter, so exactly `count` calls are made and the
 * load stays bounded however slow the system under test is. The first failure stops the run.
 */
export async function runConcurrently({ count, clients = 20, call }: ConcurrentRunOptions): Promise<ConcurrentRun> {
  const latenciesMs: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const started = performance.now();
      await call(index);
      latenciesMs.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(clients, count) }, worker));
  return { elapsedMs: performance.now() - started, latenciesMs };
}
