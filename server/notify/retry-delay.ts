export interface RetryPolicy {
  /** The wait after the first failed attempt; each further failure doubles it. */
  baseMs: number;
  /** The longest wait between attempts. */
  maxMs: number;
}

/**
 * How long to wait after the `failures`-th failed attempt: exponential (10 s, 20 s, 40 s … with a
 * 10 s base) up to the cap, then spread by ±20 % so receivers coming back after an outage are not
 * hit by every queued delivery in the same second.
 */
export function retryDelayMs(failures: number, { baseMs, maxMs }: RetryPolicy, random: () => number = Math.random): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(failures - 1, 0), 30));
  return Math.round(exponential * (0.8 + 0.4 * random()));
}
