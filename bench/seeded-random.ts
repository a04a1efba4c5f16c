export type Random = () => number;

/**
 * mulberry32: a tiny deterministic generator, so every run of the benchmarks feeds the same bytes to
 * the code under test and numbers from two machines or two commits are comparable.
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
