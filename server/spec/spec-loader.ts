import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { Unavailable } from '../shared/index.js';
import { defaultSpecLimits, type SpecLimits, type SpecResult } from './spec-document.js';

export interface SpecLoader {
  /**
   * Safe ingest off the event loop: never throws for a bad document. Throws `Unavailable` when
   * more documents are waiting than the queue admits.
   */
  load(input: string | Uint8Array): Promise<SpecResult>;
  close(): Promise<void>;
}

export interface SpecLoaderOptions {
  limits?: Partial<SpecLimits>;
  /** Time one document may take once a worker has started on it. */
  timeoutMs?: number;
  threads?: number;
  /** Documents that may wait for a worker; each holds its request body in memory meanwhile. */
  maxQueue?: number;
  /** Heap ceiling per worker: a document that exhausts it kills its worker, not the server. */
  workerHeapMb?: number;
  onWorkerError?: (error: unknown) => void;
}

/**
 * A pool of worker threads running `parseSpec`, so parsing and validating a 5 MB document does not
 * stall other requests. At most one document per worker is in flight, so a task's time budget
 * starts when a worker takes it, not while it waits; a task over budget is aborted (its worker is
 * terminated and replaced), which also bounds any pathological input the parsers might choke on.
 */
export function createSpecLoader({
  limits = {},
  timeoutMs = 20_000,
  threads = Math.max(1, Math.min(4, availableParallelism())),
  maxQueue = 64,
  workerHeapMb = 1536,
  onWorkerError = () => {},
}: SpecLoaderOptions = {}): SpecLoader {
  const effective: SpecLimits = { ...defaultSpecLimits, ...limits };
  const fromSource = import.meta.url.endsWith('.ts');
  const pool = new Piscina({
    filename: new URL(fromSource ? './spec-worker.ts' : './spec-worker.js', import.meta.url).href,
    // Running from TypeScript sources (tests, `npm run dev`): the worker needs the same loader.
    execArgv: fromSource ? ['--import', 'tsx'] : [],
    // Workers start with the first document, not with the server: on two cores a worker booting
    // beside PGlite's WebAssembly compile costs start-up a third of a second (measured).
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: 60_000,
    resourceLimits: { maxOldGenerationSizeMb: workerHeapMb },
  });
  // A worker failing between tasks must not become an unhandled 'error' event in the server.
  pool.on('error', onWorkerError);

  let running = 0;
  const waiting: (() => void)[] = [];
  const acquire = async () => {
    if (running < threads) {
      running++;
      return;
    }
    if (waiting.length >= maxQueue) throw new Unavailable('ingest-busy', `${waiting.length} documents are already waiting to be parsed; retry shortly`);
    await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };

  return {
    async load(input) {
      await acquire();
      try {
        return await pool.run({ input, limits: effective }, { signal: AbortSignal.timeout(timeoutMs) });
      } catch (error) {
        const code = (error as { code?: string }).code;
        const name = (error as Error).name;
        if (name === 'AbortError' || name === 'TimeoutError' || code === 'ABORT_ERR') {
          return { ok: false, code: 'spec-timeout', message: `parsing the document took longer than ${timeoutMs} ms and was stopped`, issues: [] };
        }
        if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
          return { ok: false, code: 'document-too-large', message: 'parsing the document exceeded the memory budget', issues: [] };
        }
        throw error;
      } finally {
        release();
      }
    },
    close: () => pool.destroy(),
  };
}
