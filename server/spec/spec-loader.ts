import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { defaultSpecLimits, type SpecLimits, type SpecResult } from './spec-document.js';

export interface SpecLoader {
  /** Safe ingest off the event loop: never throws for a bad document, only for a broken pool. */
  load(input: string | Uint8Array): Promise<SpecResult>;
  close(): Promise<void>;
}

export interface SpecLoaderOptions {
  limits?: Partial<SpecLimits>;
  timeoutMs?: number;
  threads?: number;
  /** Heap ceiling per worker: a document that exhausts it kills its worker, not the server. */
  workerHeapMb?: number;
}

/**
 * A pool of worker threads running `parseSpec`, so parsing and validating a 5 MB document does not
 * stall other requests. A task over its time budget is aborted (its worker is terminated and
 * replaced), which also bounds any pathological input the parsers might choke on.
 */
export function createSpecLoader({
  limits = {},
  timeoutMs = 20_000,
  threads = Math.max(1, Math.min(4, availableParallelism())),
  workerHeapMb = 1536,
}: SpecLoaderOptions = {}): SpecLoader {
  const effective: SpecLimits = { ...defaultSpecLimits, ...limits };
  const fromSource = import.meta.url.endsWith('.ts');
  const pool = new Piscina({
    filename: new URL(fromSource ? './spec-worker.ts' : './spec-worker.js', import.meta.url).href,
    // Running from TypeScript sources (tests, `npm run dev`): the worker needs the same loader.
    execArgv: fromSource ? ['--import', 'tsx'] : [],
    minThreads: 1,
    maxThreads: threads,
    idleTimeout: 60_000,
    resourceLimits: { maxOldGenerationSizeMb: workerHeapMb },
  });

  return {
    async load(input) {
      try {
        return await pool.run({ input, limits: effective }, { signal: AbortSignal.timeout(timeoutMs) });
      } catch (error) {
        const code = (error as { code?: string; name?: string }).code ?? (error as Error).name;
        if (code === 'ABORT_ERR' || (error as Error).name === 'AbortError' || code === 'TimeoutError') {
          return { ok: false, code: 'spec-timeout', message: `parsing the document took longer than ${timeoutMs} ms and was stopped`, issues: [] };
        }
        if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
          return { ok: false, code: 'document-too-large', message: 'parsing the document exceeded the memory budget', issues: [] };
        }
        throw error;
      }
    },
    close: () => pool.destroy(),
  };
}
