import { describe, expect, it } from 'vitest';
import { LATENCY_RELATIVE_ERROR, latencyBucketOf, latencyOfBucket, latencyQuantile, mergeLatencySketches, type LatencySketch } from './traffic-window.js';
import { trafficWindowSchema } from './traffic-window-schema.js';

describe('latency sketch', () => {
  it('keeps every latency from a microsecond to an hour within the stated relative error', () => {
    for (const ms of [0.002, 0.37, 1, 4.2, 99.9, 250, 1234.5, 60_000, 3_599_999]) {
      const estimate = latencyOfBucket(latencyBucketOf(ms));
      expect(Math.abs(estimate - ms) / ms).toBeLessThanOrEqual(LATENCY_RELATIVE_ERROR + 1e-9);
    }
  });

  it('reads the 95th percentile of a merged sketch', () => {
    const fast: LatencySketch = [[latencyBucketOf(10), 90]];
    const slow: LatencySketch = [[latencyBucketOf(500), 10]];
    const merged = mergeLatencySketches([slow, fast]);
    expect(latencyQuantile(merged, 0.5)).toBeCloseTo(10, 0);
    expect(latencyQuantile(merged, 0.95)! / 500).toBeCloseTo(1, 1);
    expect(latencyQuantile([], 0.95)).toBeNull();
  });
});

describe('traffic window', () => {
  const window = {
    id: 'proxy-host1-1-000042',
    contract: 'inventory-stock-api',
    environment: 'dev',
    version: '1.2.0',
    source: 'proxy',
    reporter: 'host1:4242',
    startedAt: '2026-12-07T10:00:00Z',
    endedAt: '2026-12-07T10:00:10Z',
    operations: [{ operation: 'GET /stock/{sku}', consumer: 'pos', requests: 3, status: { '2xx': 3 }, latency: [[latencyBucketOf(12), 3]] }],
  };

  it('accepts a reporter window and fills the defaults', () => {
    const parsed = trafficWindowSchema.parse(window);
    expect(parsed.operations[0]).toMatchObject({ transportErrors: 0, violations: 0 });
    expect(parsed.violations).toEqual([]);
  });

  it('refuses a window that ends before it starts', () => {
    const result = trafficWindowSchema.safeParse({ ...window, endedAt: '2026-12-07T09:00:00Z' });
    expect(result.success).toBe(false);
  });
});
