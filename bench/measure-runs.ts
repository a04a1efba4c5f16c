export interface MeasureRunsOptions {
  runs?: number;
  /** Untimed runs first, so JIT compilation and lazy module loading are not billed to run one. */
  warmups?: number;
  run: () => unknown;
}

/** Wall-clock milliseconds of each timed run, in order; callers take the median. */
export async function measureRuns({ runs = 5, warmups = 0, run }: MeasureRunsOptions): Promise<number[]> {
  for (let i = 0; i < warmups; i++) await run();
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    durations.push(performance.now() - started);
  }
  return durations;
}
