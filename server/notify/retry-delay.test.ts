import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './retry-delay.js';

const policy = { baseMs: 10_000, maxMs: 3_600_000 };
const middle = () => 0.5;

describe('retryDelayMs', () => {
  it('doubles from the base with each failure', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, policy, middle))).toEqual([10_000, 20_000, 40_000, 80_000, 160_000]);
  });

  it('stops growing at the cap', () => {
    expect(retryDelayMs(12, policy, middle)).toBe(3_600_000);
    expect(retryDelayMs(1_000, policy, middle)).toBe(3_600_000);
  });

  it('spreads each wait by at most a fifth either way', () => {
    expect(retryDelayMs(3, policy, () => 0)).toBe(32_000);
    expect(retryDelayMs(3, policy, () => 0.999_999)).toBe(48_000);
    const waits = Array.from({ length: 200 }, () => retryDelayMs(2, policy));
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(16_000);
    expect(Math.max(...waits)).toBeLessThanOrEqual(24_000);
    expect(new Set(waits).size).toBeGreaterThan(1);
  });
});
