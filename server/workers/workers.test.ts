import { afterAll, describe, expect, it } from 'vitest';
import { AccordError, Unavailable } from '../shared/index.js';
import { bundledWorkerModule } from '../test-support/bundled-worker-module.js';
import { createWorkers } from './index.js';

const doc = (i: number, paths: object = {}) => JSON.stringify({ openapi: '3.0.3', info: { title: `t${i}`, version: '1' }, paths });
const ci = { caller: 'api-key:ci' };
// The first pool below runs from the sources, which keeps that path covered; the others from the
// run's bundle, for half the CPU per thread start.
const workerModule = bundledWorkerModule();
const withOrders = doc(0, { '/orders': { get: { responses: { 200: { description: 'ok' } } } } });

describe('the worker pool', () => {
  const workers = createWorkers({ threads: 1, maxQueue: 1 });
  afterAll(() => workers.close());

  it('parses in a worker thread and answers with the document', async () => {
    const result = await workers.specs.load(doc(0), ci);
    expect(result).toMatchObject({ ok: true, kind: 'openapi', title: 't0' });
  });

  it('refuses work beyond its queue with Unavailable instead of holding every body in memory', async () => {
    const results = await Promise.allSettled([workers.specs.load(doc(1), ci), workers.specs.load(doc(2), ci), workers.specs.load(doc(3), ci)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    const refused = results[2] as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(Unavailable);
    expect(refused.reason.code).toBe('ingest-busy');
    expect(refused.reason.message).toMatch(/^1 document (of yours )?is already waiting/);
  });

  it("keeps room in the queue for other callers when one caller fills its share", async () => {
    const shared = createWorkers({ workerModule, threads: 1, maxQueue: 4, maxQueuePerCaller: 2 });
    try {
      const busy = { caller: 'api-key:busy' };
      const flood = [0, 1, 2, 3].map((i) => shared.specs.load(doc(10 + i), busy));
      const other = shared.specs.load(doc(20), { caller: 'user:other' });
      const results = await Promise.allSettled([...flood, other]);
      // One runs at once, two wait: the fourth is refused, naming the caller's own share.
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
      expect((results[3] as PromiseRejectedResult).reason.message).toMatch(/2 documents of yours are already waiting/);
    } finally {
      await shared.close();
    }
  });

  it('runs a compatibility check on documents sent as text', async () => {
    const check = await workers.checker.check({ candidateJson: doc(1), version: '1.1.0', mode: 'BACKWARD', published: [{ version: '1.0.0', json: withOrders }] }, ci);
    expect(check).toMatchObject({ verdict: 'fail', comparedWith: ['1.0.0'], semver: { suggested: '2.0.0' } });
    expect(check.findings.map((f) => f.id)).toEqual(['path-removed']);
  });

  it("runs a ruleset's backtracking pattern on the linear-time engine inside the worker thread", async () => {
    const ruleset = { name: 'titles', text: "rules:\n  title-letters:\n    severity: error\n    given: '$.info.title'\n    then:\n      function: pattern\n      functionOptions:\n        match: '^(a+)+$'\n" };
    // Backtracking, 2^40 steps: the worker would run into its time budget and report lint-timeout.
    const findings = await workers.linter.lint({ documentJson: JSON.stringify({ openapi: '3.1.0', info: { title: `${'a'.repeat(40)}!`, version: '1' }, paths: {} }), kind: 'openapi', specVersion: '3.1.0', ruleset, shipped: {} }, ci);
    expect(findings.map((f) => [f.id, f.level, f.pointer])).toEqual([['title-letters', 'error', '/info/title']]);
  }, 30_000);

  it('answers a stored ruleset the loader now refuses with one blocking finding instead of failing the lint', async () => {
    const ruleset = { name: 'old-rules@3', text: "rules:\n  x-prefix:\n    given: '$.info.title'\n    then:\n      function: pattern\n      functionOptions:\n        match: '/^x-/i'\n" };
    const findings = await workers.linter.lint({ documentJson: doc(6), kind: 'openapi', specVersion: '3.0.3', ruleset, shipped: {} }, ci);
    expect(findings).toEqual([expect.objectContaining({ id: 'ruleset-unusable', level: 'error', operations: [] })]);
    expect(findings[0]!.message).toMatch(/^the ruleset old-rules@3 can no longer be loaded, so the document was not linted: .*rule "x-prefix": the pattern \/\^x-\/i cannot run on the linear-time regex engine/);
  });

  it('turns a task that outlives its time budget into spec-timeout or check-timeout', async () => {
    const slow = createWorkers({ workerModule, threads: 1, timeoutMs: 1 });
    try {
      // Thousands of paths: more than a millisecond of work once the worker has begun, on any machine
      // (a small document may be parsed within the millisecond by a fast one).
      const many = doc(7, Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`/orders${i}`, { get: { responses: { 200: { description: 'ok' } } } }])));
      expect(await slow.specs.load(many, ci)).toMatchObject({ ok: false, code: 'spec-timeout' });
      const timedOut = await slow.checker.check({ candidateJson: doc(1), mode: 'BACKWARD', published: [{ version: '1.0.0', json: many }] }, ci).catch((error: unknown) => error);
      expect(timedOut).toBeInstanceOf(AccordError);
      expect((timedOut as AccordError).code).toBe('check-timeout');
    } finally {
      await slow.close();
    }
  });

  it('turns a lint that outlives its budget into an error when its ruleset has error-level rules for the document, a warning otherwise', async () => {
    const slow = createWorkers({ workerModule, threads: 1, timeoutMs: 1 });
    const lint = (rules: string, kind: 'openapi' | 'asyncapi' = 'openapi') =>
      slow.linter.lint({ documentJson: doc(5), kind, specVersion: kind === 'openapi' ? '3.0.3' : '3.0.0', ruleset: { name: 'team-rules', text: `rules:\n${rules}` }, shipped: {} }, ci);
    const titled = (severity: string, formats = '[oas3]') => `  title-set:\n    severity: ${severity}\n    formats: ${formats}\n    given: '$.info'\n    then: { field: title, function: truthy }\n`;
    try {
      const [blocking] = await lint(titled('error'));
      expect(blocking).toMatchObject({ id: 'lint-timeout', level: 'error', operations: [] });
      expect(blocking!.message).toBe('linting with team-rules took longer than 1 ms and was stopped, so its 1 error-level rule(s) (title-set) were not checked; this blocks as their errors would');
      expect(blocking!.why).toMatch(/^A document that is slow to lint must not step around a policy: team-rules makes these rules blocking/);
      // Nothing that blocks was left unchecked: a warning rule, or an error rule for the other kind of document.
      expect(await lint(titled('warn'))).toEqual([expect.objectContaining({ id: 'lint-timeout', level: 'warn' })]);
      expect(await lint(titled('error'), 'asyncapi')).toEqual([expect.objectContaining({ id: 'lint-timeout', level: 'warn' })]);
    } finally {
      await slow.close();
    }
  });
});

describe("the worker pool under one caller's slow work", () => {
  // Generous: the other caller's own lint must fit in it on a busy machine.
  const budgetMs = 5_000;
  // Wall-clock bounds would flake on a busy machine (starting a worker alone may take seconds), so
  // the test looks at order: the other caller gets the first worker to come free.
  const workers = createWorkers({ workerModule, threads: 2, timeoutMs: budgetMs });
  afterAll(() => workers.close());

  // accord-strict validates examples against their schemas; this pattern (lookahead: no linear
  // engine) backtracks on its own example for far longer than any budget.
  const ruleset = { name: 'examples', text: "extends: [[spectral:oas, off]]\nrules:\n  oas3-valid-schema-example: error\n" };
  const hostile = JSON.stringify({ openapi: '3.1.0', info: { title: 'x', version: '1' }, paths: {}, components: { schemas: { Code: { type: 'string', pattern: '^(?=a)(a+)+$', example: `${'a'.repeat(40)}!` } } } });
  const plain = JSON.stringify({ openapi: '3.1.0', info: { title: 'x', version: '1' }, paths: {} });
  const lint = (documentJson: string, caller: string) => workers.linter.lint({ documentJson, kind: 'openapi', specVersion: '3.1.0', ruleset, shipped: {} }, { caller });

  it("lets another caller's work through after at most one task's budget, not after the whole queue", async () => {
    const finished: string[] = [];
    const slow = [1, 2, 3, 4].map((i) => lint(hostile, 'user:slow').then((findings) => (finished.push(`slow${i}`), findings)));
    // Both workers are taken by the slow caller before the other arrives.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const other = await lint(plain, 'user:admin');
    finished.push('other');
    const slowFindings = await Promise.all(slow);
    expect(slowFindings.flat().map((f) => f.id)).toEqual(['lint-timeout', 'lint-timeout', 'lint-timeout', 'lint-timeout']);
    expect(other).toEqual([]);
    // First come, first served, it would start only after slow3 and slow4, two budgets from the start;
    // fairly, it takes the first worker that frees up, beside slow3, and is done long before it.
    expect(finished.indexOf('other')).toBeLessThan(finished.indexOf('slow3'));
  }, 120_000);
});

describe('warming the worker pool up', () => {
  it('starts every thread, and a ruleset that no longer loads does not stop it', async () => {
    const workers = createWorkers({ workerModule, threads: 2 });
    try {
      expect(workers.threads).toBe(0);
      await workers.warmUp({ name: 'old-rules@1', text: "rules:\n  x:\n    given: '$.info.title'\n    then:\n      function: pattern\n      functionOptions:\n        match: '/^x-/i'\n" }, {});
      expect(workers.threads).toBe(2);
      // The threads stay up, and serve.
      expect(await workers.specs.load(doc(7), ci)).toMatchObject({ ok: true, title: 't7' });
      expect(workers.threads).toBe(2);
    } finally {
      await workers.close();
    }
  }, 60_000);
});
