import { latencyQuantile, mergeLatencySketches, type LatencySketch } from '../shared/index.js';

/** One operation × consumer count over some stretch of time: a raw window's cell or an hour's rollup. */
export interface TrafficCell {
  /** When the stretch ended: a window's end, or the end of a rolled-up hour. */
  at: Date;
  operation: string;
  consumer: string;
  documented: boolean;
  requests: number;
  errors: number;
  violations: number;
  undocumented: number;
  messagesSeen: number;
  messagesValidated: number;
  messagesDropped: number;
  latency: LatencySketch;
}

export interface TrafficFigures {
  requests: number;
  /** 5xx answers and transport failures. */
  errors: number;
  /** errors / requests; null without requests. */
  errorRate: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  /** Requests that broke the contract, counted apart from errors. */
  violations: number;
  /** Requests that matched no operation of the version. */
  undocumented: number;
  /**
   * Broker listeners' messages: received, validated, and dropped unvalidated because validation fell
   * behind. Only validated messages count as requests, so a lagging listener shows here, never as a silent loss.
   */
  messages?: { seen: number; validated: number; dropped: number };
}

export interface TrafficSummary {
  totals: TrafficFigures;
  operations: (TrafficFigures & { operation: string; documented: boolean })[];
  consumers: (TrafficFigures & { consumer: string })[];
  series: { stepSeconds: number; points: (TrafficFigures & { at: Date })[] };
}

/**
 * Totals, per operation, per consumer and over time of a set of cells. Percentiles come from the
 * merged latency sketches, so they hold however the cells were split between reporters and windows.
 */
export function summarizeTraffic(cells: readonly TrafficCell[], { from, stepMs }: { from: Date; stepMs: number }): TrafficSummary {
  const byOperation = groupBy(cells, (c) => `${c.documented ? 'd' : 'u'}${c.operation}`);
  const byConsumer = groupBy(cells, (c) => c.consumer);
  const byStep = groupBy(cells, (c) => String(Math.floor((c.at.getTime() - 1 - from.getTime()) / stepMs)));
  return {
    totals: figuresOf(cells),
    operations: [...byOperation.values()]
      .map((group) => ({ operation: group[0]!.operation, documented: group[0]!.documented, ...figuresOf(group) }))
      .sort((a, b) => b.requests + b.undocumented - (a.requests + a.undocumented) || a.operation.localeCompare(b.operation)),
    consumers: [...byConsumer.values()].map((group) => ({ consumer: group[0]!.consumer, ...figuresOf(group) })).sort((a, b) => b.requests - a.requests || a.consumer.localeCompare(b.consumer)),
    series: {
      stepSeconds: stepMs / 1000,
      points: [...byStep]
        .map(([step, group]) => ({ at: new Date(from.getTime() + (Number(step) + 1) * stepMs), ...figuresOf(group) }))
        .sort((a, b) => a.at.getTime() - b.at.getTime()),
    },
  };
}

export function figuresOf(cells: readonly TrafficCell[]): TrafficFigures {
  let requests = 0;
  let errors = 0;
  let violations = 0;
  let undocumented = 0;
  let seen = 0;
  let validated = 0;
  let dropped = 0;
  for (const c of cells) {
    seen += c.messagesSeen;
    validated += c.messagesValidated;
    dropped += c.messagesDropped;
    requests += c.requests;
    errors += c.errors;
    violations += c.violations;
    undocumented += c.undocumented;
  }
  const latency = mergeLatencySketches(cells.map((c) => c.latency));
  const quantile = (q: number) => roundMs(latencyQuantile(latency, q));
  return { requests, errors, errorRate: requests === 0 ? null : errors / requests, p50Ms: quantile(0.5), p95Ms: quantile(0.95), p99Ms: quantile(0.99), violations, undocumented, ...(seen > 0 && { messages: { seen, validated, dropped } }) };
}

const roundMs = (ms: number | null) => (ms === null ? null : Math.round(ms * 1000) / 1000);

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const STEPS = [MINUTE, 5 * MINUTE, 15 * MINUTE, HOUR, 3 * HOUR, 6 * HOUR, 24 * HOUR];

/** A step giving a chart at most ~120 points; hourly or coarser when the range is read from rollups. */
export function stepFor(rangeMs: number, { hourly }: { hourly: boolean }): number {
  const step = STEPS.find((s) => rangeMs / s <= 120) ?? 7 * 24 * HOUR;
  return hourly ? Math.max(step, HOUR) : step;
}
