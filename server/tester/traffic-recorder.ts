import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { latencyBucketOf, type TrafficWindow } from '../shared/index.js';

/** One contract violation seen in a request, response or message. */
export interface ViolationObservation {
  /** Where: `/request/body/items/0/sku`, `/response/status`, `/message/payload/qty`. */
  pointer: string;
  rule: string;
  message: string;
  /** Already redacted by the caller. */
  sample?: string;
}

/** What one request (or message) told us. */
export interface Observation {
  operation: string;
  consumer: string;
  /** The upstream's status code; absent for a transport error or a message. */
  status?: number;
  transportError?: boolean;
  latencyMs?: number;
  violations?: readonly ViolationObservation[];
}

export interface TrafficRecorder {
  observe(observation: Observation): void;
  /** A request (or message) that matched no operation of the version: `GET /v2/orders`. */
  undocumented(request: string, consumer: string): void;
  /** Broker listeners: messages received, validated and dropped because validation fell behind. */
  countMessages(counts: { operation: string; consumer: string; seen?: number; validated?: number; dropped?: number }): void;
  /** Closes the current window and hands it to `onWindow`, even when nothing was seen. */
  flush(): TrafficWindow;
  /** Flushes every `flushIntervalMs` until `stop`. */
  start(): void;
  /** Stops the timer and flushes what is left. */
  stop(): TrafficWindow;
  /** The consumer label a raw consumer name is recorded under (capped cardinality). */
  consumerLabel(consumer: string): string;
}

interface Cell {
  operation: string;
  consumer: string;
  requests: number;
  status: Record<'1xx' | '2xx' | '3xx' | '4xx' | '5xx', number>;
  transportErrors: number;
  violations: number;
  latency: Map<number, number>;
  latencySumMs: number;
  messages?: { seen: number; validated: number; dropped: number };
}

// The wire format's limits; beyond them counts still add up, only the detail is cut.
const MAX_CELLS = 10_000;
const MAX_VIOLATION_KINDS = 500;
const MAX_UNDOCUMENTED = 1_000;
const STATUS_CLASSES = ['1xx', '2xx', '3xx', '4xx', '5xx'] as const;

/**
 * Aggregates observations per operation × consumer into TrafficWindows, one every flush interval.
 * A window id is made of this recorder's instance id and a sequence number, fixed when the window
 * closes: a reporter resending it after a failure or a restart sends the same id, so the registry
 * counts it once. Consumers beyond `maxConsumers` distinct names are recorded as "other", so a
 * client inventing header values cannot grow windows, metrics or the registry without bound.
 */
export function createTrafficRecorder({
  contract,
  environment,
  version,
  source,
  onWindow,
  flushIntervalMs = 10_000,
  reporter = `${hostname()}:${process.pid}`,
  maxConsumers = 100,
  now = () => Date.now(),
}: {
  contract: string;
  environment: string;
  version: string;
  source: TrafficWindow['source'];
  onWindow: (window: TrafficWindow) => void;
  flushIntervalMs?: number;
  reporter?: string;
  maxConsumers?: number;
  now?: () => number;
}): TrafficRecorder {
  const instance = randomUUID();
  let sequence = 0;
  let startedAt = now();
  let cells = new Map<string, Cell>();
  let violationKinds = new Map<string, TrafficWindow['violations'][number]>();
  let undocumentedRequests = new Map<string, TrafficWindow['undocumented'][number]>();
  const consumers = new Set<string>();
  let timer: NodeJS.Timeout | undefined;

  const consumerLabel = (consumer: string) => {
    if (consumers.has(consumer)) return consumer;
    if (consumers.size >= maxConsumers) return 'other';
    consumers.add(consumer);
    return consumer;
  };

  const cellOf = (operation: string, rawConsumer: string): Cell => {
    const consumer = consumerLabel(rawConsumer);
    const key = `${operation}\n${consumer}`;
    let cell = cells.get(key);
    if (!cell) {
      if (cells.size >= MAX_CELLS) return cellOf('other', 'other');
      cell = { operation, consumer, requests: 0, status: { '1xx': 0, '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 }, transportErrors: 0, violations: 0, latency: new Map(), latencySumMs: 0 };
      cells.set(key, cell);
    }
    return cell;
  };

  const flush = (): TrafficWindow => {
    const endedAt = Math.max(now(), startedAt + 1);
    const window: TrafficWindow = {
      id: `${source}.${instance}.${++sequence}`,
      contract,
      environment,
      version,
      source,
      reporter,
      startedAt: new Date(startedAt).toISOString(),
      endedAt: new Date(endedAt).toISOString(),
      operations: [...cells.values()].map((cell) => ({
        operation: cell.operation,
        consumer: cell.consumer,
        requests: cell.requests,
        status: Object.fromEntries(STATUS_CLASSES.filter((c) => cell.status[c] > 0).map((c) => [c, cell.status[c]])),
        transportErrors: cell.transportErrors,
        violations: cell.violations,
        latency: [...cell.latency].sort(([a], [b]) => a - b),
        latencySumMs: cell.latencySumMs,
        ...(cell.messages ? { messages: cell.messages } : {}),
      })),
      violations: [...violationKinds.values()],
      undocumented: [...undocumentedRequests.values()],
    };
    startedAt = endedAt;
    cells = new Map();
    violationKinds = new Map();
    undocumentedRequests = new Map();
    onWindow(window);
    return window;
  };

  return {
    consumerLabel,
    observe({ operation, consumer, status, transportError = false, latencyMs, violations = [] }) {
      const cell = cellOf(operation, consumer);
      cell.requests++;
      if (transportError) cell.transportErrors++;
      else if (status !== undefined && status >= 100 && status < 600) cell.status[STATUS_CLASSES[Math.floor(status / 100) - 1]!]++;
      if (latencyMs !== undefined) {
        const bucket = latencyBucketOf(latencyMs);
        cell.latency.set(bucket, (cell.latency.get(bucket) ?? 0) + 1);
        cell.latencySumMs += latencyMs;
      }
      if (violations.length === 0) return;
      cell.violations++;
      for (const v of violations) {
        const key = `${cell.operation}\n${cell.consumer}\n${v.rule}\n${v.pointer}`;
        const kind = violationKinds.get(key);
        if (kind) kind.count++;
        else if (violationKinds.size < MAX_VIOLATION_KINDS) {
          violationKinds.set(key, {
            operation: cell.operation,
            consumer: cell.consumer,
            pointer: v.pointer.slice(0, 1000),
            rule: v.rule.slice(0, 100),
            message: v.message.slice(0, 1000),
            count: 1,
            ...(v.sample === undefined ? {} : { sample: v.sample.slice(0, 4096) }),
          });
        }
      }
    },
    undocumented(request, rawConsumer) {
      const consumer = consumerLabel(rawConsumer);
      const key = `${request}\n${consumer}`;
      const entry = undocumentedRequests.get(key);
      if (entry) entry.count++;
      else if (undocumentedRequests.size < MAX_UNDOCUMENTED) undocumentedRequests.set(key, { request: request.slice(0, 1000), consumer, count: 1 });
    },
    countMessages({ operation, consumer, seen = 0, validated = 0, dropped = 0 }) {
      const cell = cellOf(operation, consumer);
      cell.messages ??= { seen: 0, validated: 0, dropped: 0 };
      cell.messages.seen += seen;
      cell.messages.validated += validated;
      cell.messages.dropped += dropped;
    },
    flush,
    start() {
      if (timer) return;
      timer = setInterval(flush, flushIntervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      return flush();
    },
  };
}
