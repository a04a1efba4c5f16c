import { afterAll, describe, expect, it } from 'vitest';
import { Unavailable } from '../shared/index.js';
import { createSpecLoader } from './index.js';

const doc = (i: number) => JSON.stringify({ openapi: '3.0.3', info: { title: `t${i}`, version: '1' }, paths: {} });

describe('the spec loader', () => {
  const loader = createSpecLoader({ threads: 1, maxQueue: 1 });
  afterAll(() => loader.close());

  it('parses in a worker thread and answers with the document', async () => {
    const result = await loader.load(doc(0));
    expect(result).toMatchObject({ ok: true, kind: 'openapi', title: 't0' });
  });

  it('refuses work beyond its queue with Unavailable instead of holding every body in memory', async () => {
    const results = await Promise.allSettled([loader.load(doc(1)), loader.load(doc(2)), loader.load(doc(3))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    const refused = results[2] as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(Unavailable);
    expect(refused.reason.code).toBe('ingest-busy');
  });

  it('turns a document that outlives its time budget into spec-timeout', async () => {
    const slow = createSpecLoader({ threads: 1, timeoutMs: 1 });
    try {
      const result = await slow.load(doc(4));
      expect(result).toMatchObject({ ok: false, code: 'spec-timeout' });
    } finally {
      await slow.close();
    }
  });
});
