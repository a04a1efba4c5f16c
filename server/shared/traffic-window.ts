/**
 * What a traffic reporter (`accord proxy`, `accord probe`, `accord listen`, the OTLP ingest) sends
 * the registry: its aggregated observations of one contract in one environment over one interval.
 * Reporters ship windows, never raw requests, so the registry's load grows with windows, not traffic.
 *
 * Latency is a log-bucket sketch rather than raw samples, so windows from many reporters merge by
 * adding counts and percentiles stay within LATENCY_RELATIVE_ERROR of the true value.
 */

/** Bucket k holds latencies in (GAMMA^(k-1), GAMMA^k] milliseconds; bucket 0 holds everything ≤ 1 µs. */
const GAMMA = 1.02;
const SMALLEST_MS = 0.001;
const LOG_GAMMA = Math.log(GAMMA);
const OFFSET = Math.ceil(Math.log(SMALLEST_MS) / LOG_GAMMA);
export const LATENCY_RELATIVE_ERROR = (GAMMA - 1) / (GAMMA + 1);
/** Above an hour a latency is a hang, not a measurement; larger values land in the last bucket. */
export const MAX_LATENCY_BUCKET = Math.ceil(Math.log(3_600_000) / LOG_GAMMA) - OFFSET;

export function latencyBucketOf(latencyMs: number): number {
  if (!(latencyMs > SMALLEST_MS)) return 0;
  return Math.min(MAX_LATENCY_BUCKET, Math.ceil(Math.log(latencyMs) / LOG_GAMMA) - OFFSET);
}

/** The representative value of a bucket: the midpoint that keeps the relative error symmetric. */
export function latencyOfBucket(bucket: number): number {
  if (bucket <= 0) return SMALLEST_MS;
  const upper = GAMMA ** (bucket + OFFSET);
  return (2 * upper) / (GAMMA + 1);
}

/** Sparse bucket counts: `[bucket, count]` pairs, buckets ascending. */
export type LatencySketch = [bucket: number, count: number][];

/** The latency below which `quantile` (0..1) of the sketched observations fall; null when empty. */
export function latencyQuantile(sketch: LatencySketch, quantile: number): number | null {
  const total = sketch.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(quantile * total));
  let seen = 0;
  for (const [bucket, count] of sketch) {
    seen += count;
    if (seen >= rank) return latencyOfBucket(bucket);
  }
  return latencyOfBucket(sketch[sketch.length - 1]![0]);
}

export function mergeLatencySketches(sketches: Iterable<LatencySketch>): LatencySketch {
  const counts = new Map<number, number>();
  for (const sketch of sketches) for (const [bucket, count] of sketch) counts.set(bucket, (counts.get(bucket) ?? 0) + count);
  return [...counts].sort(([a], [b]) => a - b);
}
