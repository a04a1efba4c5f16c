import { afterAll, describe, expect, it } from 'vitest';
import { AccordError, Unavailable } from '../shared/index.js';
import { createWorkers } from './index.js';

const doc = (i: number, paths: object = {}) => JSON.stringify({ openapi: '3.0.3', info: { title: `t${i}`, version: '1' }, paths });
const withOrders = doc(0, { '/orders': { get: { responses: { 200: { description: 'ok' } } } } });

describe('the worker pool', () => {
  const workers = createWorkers({ threads: 1, maxQueue: 1 });
  afterAll(() => workers.close());

  it('parses in a worker thread and answers with the document', async () => {
    const result = await workers.specs.load(doc(0));
    expect(result).toMatchObject({ ok: true, kind: 'openapi', title: 't0' });
  });

  it('refuses work beyond its queue with Unavailable instead of holding every body in memory', async () => {
    const results = await Promise.allSettled([workers.specs.load(doc(1)), workers.specs.load(doc(2)), workers.specs.load(doc(3))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    const refused = results[2] as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(Unavailable);
    expect(refused.reason.code).toBe('ingest-busy');
  });

  it('runs a compatibility check on documents sent as text', async () => {
    const check = await workers.checker.check({ candidateJson: doc(1), version: '1.1.0', mode: 'BACKWARD', published: [{ version: '1.0.0', json: withOrders }] });
    expect(check).toMatchObject({ verdict: 'fail', comparedWith: ['1.0.0'], semver: { suggested: '2.0.0' } });
    expect(check.findings.map((f) => f.id)).toEqual(['path-removed']);
  });

  it("runs a ruleset's backtracking pattern on the linear-time engine inside the worker thread", async () => {
    const ruleset = { name: 'titles', text: "rules:\n  title-letters:\n    severity: error\n    given: '$.info.title'\n    then:\n      function: pattern\n      functionOptions:\n        match: '^(a+)+$'\n" };
    // Backtracking, 2^40 steps: the worker would run into its time budget and report lint-timeout.
    const findings = await workers.linter.lint({ documentJson: JSON.stringify({ openapi: '3.1.0', info: { title: `${'a'.repeat(40)}!`, version: '1' }, paths: {} }), ruleset, shipped: {} });
    expect(findings.map((f) => [f.id, f.level, f.pointer])).toEqual([['title-letters', 'error', '/info/title']]);
  }, 30_000);

  it('turns a task that outlives its time budget into spec-timeout or check-timeout', async () => {
    const slow = createWorkers({ threads: 1, timeoutMs: 1 });
    try {
      expect(await slow.specs.load(doc(4))).toMatchObject({ ok: false, code: 'spec-timeout' });
      const timedOut = await slow.checker.check({ candidateJson: doc(1), mode: 'BACKWARD', published: [{ version: '1.0.0', json: withOrders }] }).catch((error: unknown) => error);
      expect(timedOut).toBeInstanceOf(AccordError);
      expect((timedOut as AccordError).code).toBe('check-timeout');
    } finally {
      await slow.close();
    }
  });
});
