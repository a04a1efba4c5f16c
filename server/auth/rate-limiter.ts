import { RateLimited } from '../shared/index.js';

export interface RateLimit {
  /** Attempts allowed per window. */
  limit: number;
  windowMs: number;
}

/**
 * Fixed-window counters per key (a person, an API key, an address), kept in this process. Memory
 * stays bounded however many keys a hostile client invents (keys are short: see `rateLimitKey`):
 * past `maxKeys`, finished windows are dropped first and only then the oldest running ones.
 * Several instances each count on their own, so the effective limit is per instance.
 */
export function createRateLimiter({ limit, windowMs }: RateLimit, { maxKeys = 100_000, now = () => Date.now() } = {}) {
  const windows = new Map<string, { started: number; count: number }>();
  return {
    /** Counts one attempt for every key given; throws `RateLimited` when any of them is over. */
    take(what: string, ...keys: string[]): void {
      const at = now();
      for (const key of keys) {
        let window = windows.get(key);
        if (!window || at - window.started >= windowMs) {
          windows.delete(key);
          window = { started: at, count: 0 };
          windows.set(key, window);
          if (windows.size > maxKeys) {
            for (const [stale, { started }] of windows) if (at - started >= windowMs) windows.delete(stale);
            if (windows.size > maxKeys) windows.delete(windows.keys().next().value!);
          }
        }
        window.count += 1;
        if (window.count > limit) {
          const retryAfterSeconds = Math.max(1, Math.ceil((window.started + windowMs - at) / 1000));
          throw new RateLimited(`too many ${what}: at most ${limit} per ${Math.round(windowMs / 1000)} s; try again in ${retryAfterSeconds} s`, retryAfterSeconds);
        }
      }
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
