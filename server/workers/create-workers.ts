import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { CandidateCheck } from '../compat/index.js';
import type { LandscapeGraph, LandscapeLayout } from '../landscape/index.js';
import type { LintFinding, LintRuleset, ShippedRulesets } from '../lint/index.js';
import { AccordError, enableLinearRegExps, plural, Unavailable } from '../shared/index.js';
import { DEFAULT_VALIDITY, defaultSpecLimits, type SpecLimits, type SpecResult, type Validity } from '../spec/index.js';
import { fairSlots } from './fair-slots.js';
import type { CheckTaskInput, LintTaskInput, WorkerTask } from './worker-task.js';

/** Whose work a task is: an actor's id or an API key's, as the registry describes them. */
export interface TaskOptions {
  caller: string;
}

export interface SpecLoader {
  /**
   * Safe ingest off the event loop: never throws for a bad document. Throws `Unavailable` when
   * more tasks are waiting than the queue admits.
   */
  load(input: string | Uint8Array, options: TaskOptions & { validity?: Validity }): Promise<SpecResult>;
}

export interface CompatChecker {
  /** A compatibility check off the event loop; throws `check-timeout` past its time budget. */
  check(input: CheckTaskInput, options: TaskOptions): Promise<CandidateCheck>;
}

export interface Linter {
  /**
   * Lints off the event loop. A document that outlives its time or memory budget comes back as
   * one `lint-timeout` finding rather than an error, at error level when the ruleset has
   * error-level rules for it (see `unfinishedLint`): a slow lint must not step around a policy.
   */
  lint(input: LintTaskInput, options: TaskOptions): Promise<LintFinding[]>;
}

export interface Layouter {
  /** Lays a landscape out off the event loop; throws `layout-timeout` past the time budget. */
  layOut(graph: LandscapeGraph, options: TaskOptions): Promise<LandscapeLayout>;
}

export interface Workers {
  specs: SpecLoader;
  checker: CompatChecker;
  linter: Linter;
  layouter: Layouter;
  /**
   * Starts every thread and has each parse and lint a small document with `ruleset`, so the first
   * document after start-up does not wait for the workers' modules and the ruleset to load (about a
   * second of CPU per thread on a quiet machine). Threads then stay up.
   */
  warmUp(ruleset: { name: string; text: string }, shipped: ShippedRulesets): Promise<void>;
  /** Threads running now. */
  readonly threads: number;
  close(): Promise<void>;
}

export interface WorkersOptions {
  limits?: Partial<SpecLimits>;
  /** Time one task may take once a worker has started on it. */
  timeoutMs?: number;
  threads?: number;
  /** Documents that may wait to be parsed; each holds its request body in memory meanwhile. */
  maxQueue?: number;
  /** Of those, how many one caller may have waiting: the rest stay free for everyone else. */
  maxQueuePerCaller?: number;
  /** Heap ceiling per worker: a document that exhausts it kills its worker, not the server. */
  workerHeapMb?: number;
  /** The workers' entry module; by default `worker` beside this module, from the sources or the build. */
  workerModule?: URL;
  onWorkerError?: (error: unknown) => void;
}

/**
 * A pool of worker threads for the CPU-heavy pure cores, parsing, compatibility checks and
 * landscape layouts, so a 5 MB document or a landscape of hundreds of systems does not stall
 * other requests. At most one task per worker is in flight, so a
 * task's time budget starts when a worker takes it, not while it waits; a task over budget is
 * aborted (its worker is terminated and replaced), which also bounds any pathological input.
 * Workers are shared fairly between callers (`fairSlots`), so one caller's slow tasks hold at most
 * its share of them while others wait.
 */
export function createWorkers({
  limits = {},
  timeoutMs = 20_000,
  threads = Math.max(1, Math.min(4, availableParallelism())),
  maxQueue = 64,
  maxQueuePerCaller = maxQueue - Math.floor(maxQueue / 8),
  workerHeapMb = 1536,
  workerModule = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url),
  onWorkerError = () => {},
}: WorkersOptions = {}): Workers {
  const effective: SpecLimits = { ...defaultSpecLimits, ...limits };
  // V8's flags are the process's: set before the first worker starts, they hold in every worker.
  enableLinearRegExps();
  const pool = new Piscina({
    filename: workerModule.href,
    // Running from TypeScript sources (`npm run dev`, the pool's own tests): the worker needs the same loader.
    execArgv: workerModule.pathname.endsWith('.ts') ? ['--import', 'tsx'] : [],
    // Workers start with the first task or `warmUp`, not with the server: on two cores a worker
    // booting beside PGlite's WebAssembly compile costs start-up a third of a second (measured).
    minThreads: 0,
    maxThreads: threads,
    // A thread that went idle and was stopped would make the next document pay for a cold start
    // again; what an idle thread holds is bounded by its heap ceiling.
    idleTimeout: Number.POSITIVE_INFINITY,
    resourceLimits: { maxOldGenerationSizeMb: workerHeapMb },
  });
  // A worker failing between tasks must not become an unhandled 'error' event in the server.
  pool.on('error', onWorkerError);

  const slots = fairSlots({ slots: threads });
  let waitingDocuments = 0;
  const waitingBy = new Map<string, number>();
  // Only new documents are refused when the queue is full: checks and lint follow a document that
  // was already admitted and parsed, and refusing them would fail work half done.
  const acquire = async (caller: string, admit: boolean) => {
    if (!admit || slots.free()) return slots.acquire(caller);
    const own = waitingBy.get(caller) ?? 0;
    if (own >= maxQueuePerCaller) throw new Unavailable('ingest-busy', `${plural(own, 'document')} of yours ${own === 1 ? 'is' : 'are'} already waiting to be parsed; send the next when one is done`);
    if (waitingDocuments >= maxQueue) throw new Unavailable('ingest-busy', `${plural(waitingDocuments, 'document')} ${waitingDocuments === 1 ? 'is' : 'are'} already waiting to be parsed; retry shortly`);
    waitingDocuments++;
    waitingBy.set(caller, own + 1);
    try {
      return await slots.acquire(caller);
    } finally {
      waitingDocuments--;
      const left = waitingBy.get(caller)! - 1;
      if (left === 0) waitingBy.delete(caller);
      else waitingBy.set(caller, left);
    }
  };

  // A lint stopped on its budget is judged by its ruleset's rules, loaded here as the worker was
  // stopped. The policy engine (Spectral and its rulesets, several megabytes) is imported only
  // then: this thread otherwise never lints, and importing it would lengthen every start-up.
  const loaded = new Map<string, LintRuleset>();
  const unfinished = async ({ ruleset, shipped, kind, specVersion }: LintTaskInput, reason: string): Promise<LintFinding> => {
    const { loadRuleset, unfinishedLint } = await import('../lint/index.js');
    const key = `${ruleset.name}\0${ruleset.text}`;
    let found = loaded.get(key);
    if (!found) {
      if (loaded.size >= 32) loaded.clear();
      loaded.set(key, (found = loadRuleset(ruleset.text, { source: ruleset.name, shipped })));
    }
    return unfinishedLint({ ruleset: found, kind, specVersion, reason });
  };

  /** Runs a task; resolves with its result, or with `onLimit`'s answer when it hit its time or memory budget. */
  async function run<T>(task: WorkerTask, { caller }: TaskOptions, onLimit: (limit: 'time' | 'memory') => T | Promise<T>): Promise<T> {
    const release = await acquire(caller, task.kind === 'parse');
    // The budget starts when the worker begins the task, which it says on this port: starting a
    // replacement worker takes a second or more on a busy machine and is not the task's time.
    const { port1: begun, port2: started } = new MessageChannel();
    const stop = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    begun.once('message', () => (timer = setTimeout(() => stop.abort(), timeoutMs)));
    try {
      return (await pool.run({ task, started }, { signal: stop.signal, transferList: [started] })) as T;
    } catch (error) {
      const code = (error as { code?: string }).code;
      const name = (error as Error).name;
      if (name === 'AbortError' || name === 'TimeoutError' || code === 'ABORT_ERR') return onLimit('time');
      if (code === 'ERR_WORKER_OUT_OF_MEMORY') return onLimit('memory');
      throw error;
    } finally {
      clearTimeout(timer);
      begun.close();
      release();
    }
  }

  return {
    specs: {
      load: (input, { validity = DEFAULT_VALIDITY, ...options }) =>
        run<SpecResult>({ kind: 'parse', input, limits: effective, validity }, options, (limit) =>
          limit === 'time'
            ? { ok: false, code: 'spec-timeout', message: `parsing the document took longer than ${timeoutMs} ms and was stopped`, issues: [] }
            : { ok: false, code: 'document-too-large', message: 'parsing the document exceeded the memory budget', issues: [] },
        ),
    },
    checker: {
      check: (input, options) =>
        run<CandidateCheck>({ kind: 'check', input }, options, (limit) => {
          throw new AccordError('check-timeout', limit === 'time' ? `the compatibility check took longer than ${timeoutMs} ms and was stopped` : 'the compatibility check exceeded the memory budget');
        }),
    },
    linter: {
      lint: (input, options) =>
        run<LintFinding[]>({ kind: 'lint', input }, options, async (limit) => [await unfinished(input, limit === 'time' ? `took longer than ${timeoutMs} ms` : 'exceeded the memory budget')]),
    },
    layouter: {
      layOut: (graph, options) =>
        run<LandscapeLayout>({ kind: 'layout', input: graph }, options, (limit) => {
          throw new AccordError('layout-timeout', `laying out ${graph.systems.length} systems ${limit === 'time' ? `took longer than ${timeoutMs} ms` : 'exceeded the memory budget'} and was stopped; choose a domain or a team`);
        }),
    },
    async warmUp(ruleset, shipped) {
      const caller = 'warm-up';
      const lint = { documentJson: WARM_UP_DOCUMENT, kind: 'openapi', specVersion: '3.0.3', ruleset, shipped } as const;
      // One task per thread at once, so the pool starts them all.
      await Promise.all(
        Array.from({ length: threads }, async () => {
          await run<unknown>({ kind: 'parse', input: WARM_UP_DOCUMENT, limits: effective, validity: DEFAULT_VALIDITY }, { caller }, () => undefined);
          await run<unknown>({ kind: 'lint', input: lint }, { caller }, () => undefined);
        }),
      );
    },
    get threads() {
      return pool.threads.length;
    },
    close: () => pool.destroy(),
  };
}

const WARM_UP_DOCUMENT = JSON.stringify({
  openapi: '3.0.3',
  info: { title: 'Warm-up', version: '1.0.0', description: 'Parsed and linted by each worker thread at start-up.' },
  paths: { '/items/{id}': { get: { operationId: 'getItem', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'The item', content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } } } } } },
  components: { schemas: { Item: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, name: { type: 'string', nullable: true } } } } },
});
