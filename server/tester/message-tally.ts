import { randomUUID } from 'node:crypto';
import { latencyBucketOf, type LatencySketch, type TrafficWindow } from '../shared/index.js';

export interface MessageViolation {
  pointer: string;
  rule: string;
  message: string;
  sample?: string;
}

interface OperationCounts {
  seen: number;
  validated: number;
  dropped: number;
  invalid: number;
  latency: Map<number, number>;
  latencySumMs: number;
}

const MAX_VIOLATION_KINDS = 500;
const MAX_UNDOCUMENTED = 1_000;
/** Broker listeners cannot tell who reads a message; the wire carries no consumer identity. */
const CONSUMER = 'unknown';

/**
 * Counts what a broker listener saw in one window: per operation messages seen, validated and
 * dropped, invalid messages, end-to-end latency, each kind of violation once with a count and its
 * first sample, and addresses no channel documents. `take` hands the window over and starts the next.
 */
export function createMessageTally({ contract, environment, version, reporter, now = () => new Date() }: { contract: string; environment: string; version: string; reporter: string; now?: () => Date }) {
  let startedAt = now();
  let operations = new Map<string, OperationCounts>();
  let violations = new Map<string, TrafficWindow['violations'][number]>();
  let undocumented = new Map<string, number>();

  const countsOf = (operation: string): OperationCounts => {
    let counts = operations.get(operation);
    if (!counts) {
      counts = { seen: 0, validated: 0, dropped: 0, invalid: 0, latency: new Map(), latencySumMs: 0 };
      operations.set(operation, counts);
    }
    return counts;
  };

  return {
    seen(operation: string): void {
      countsOf(operation).seen++;
    },
    dropped(operation: string): void {
      countsOf(operation).dropped++;
    },
    validated(operation: string, { violations: found, latencyMs }: { violations: readonly MessageViolation[]; latencyMs?: number | undefined }): void {
      const counts = countsOf(operation);
      counts.validated++;
      if (latencyMs !== undefined) {
        const bucket = latencyBucketOf(latencyMs);
        counts.latency.set(bucket, (counts.latency.get(bucket) ?? 0) + 1);
        counts.latencySumMs += latencyMs;
      }
      if (found.length === 0) return;
      counts.invalid++;
      for (const v of found) {
        const key = `${operation}\0${v.rule}\0${v.pointer}`;
        const existing = violations.get(key);
        if (existing) existing.count++;
        else if (violations.size < MAX_VIOLATION_KINDS) {
          violations.set(key, { operation, consumer: CONSUMER, pointer: v.pointer, rule: v.rule, message: v.message.slice(0, 1000), count: 1, ...(v.sample === undefined ? {} : { sample: v.sample.slice(0, 4096) }) });
        }
      }
    },
    undocumented(request: string): void {
      if (undocumented.has(request) || undocumented.size < MAX_UNDOCUMENTED) undocumented.set(request, (undocumented.get(request) ?? 0) + 1);
    },
    /** The window since the last `take` (or the start), or undefined when nothing was heard. */
    take(): TrafficWindow | undefined {
      const endedAt = now();
      if (endedAt.getTime() <= startedAt.getTime()) endedAt.setTime(startedAt.getTime() + 1);
      const window: TrafficWindow = {
        id: `listen-${randomUUID()}`,
        contract,
        environment,
        version,
        source: 'listener',
        reporter,
        startedAt: startedAt.toISOString(),
        endedAt: endedAt.toISOString(),
        operations: [...operations].map(([operation, c]) => ({
          operation,
          consumer: CONSUMER,
          requests: c.seen,
          status: {},
          transportErrors: 0,
          violations: c.invalid,
          latency: [...c.latency].sort(([a], [b]) => a - b) as LatencySketch,
          latencySumMs: c.latencySumMs,
          messages: { seen: c.seen, validated: c.validated, dropped: c.dropped },
        })),
        violations: [...violations.values()],
        undocumented: [...undocumented].map(([request, count]) => ({ request, consumer: CONSUMER, count })),
      };
      const empty = operations.size === 0 && undocumented.size === 0;
      startedAt = endedAt;
      operations = new Map();
      violations = new Map();
      undocumented = new Map();
      return empty ? undefined : window;
    },
  };
}

export type MessageTally = ReturnType<typeof createMessageTally>;
