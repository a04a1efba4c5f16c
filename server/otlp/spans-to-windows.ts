import { createHash } from 'node:crypto';
import { latencyBucketOf, type OperationTraffic, type TrafficWindow } from '../shared/index.js';
import type { DeployedContract } from './load-deployed-contracts.js';
import type { SpanMapper } from './create-span-mapper.js';
import { SpanKind, type ReceivedSpan } from './received-span.js';

/** The windows of one batch for one deployed contract, with what it needs to be authorised. */
export interface BatchWindow {
  window: TrafficWindow;
  target: DeployedContract;
  /** How many spans the window counts, to report them rejected if the window is refused. */
  spans: number;
}

export interface BatchOutcome {
  windows: BatchWindow[];
  /** Spans refused for a reason of their own. */
  rejected: { spans: number; why: string }[];
  /** Server and messaging spans that matched no deployment: not refused, but worth telling the sender. */
  unmatched: number;
}

// The wire format's own bounds: past them a window would be refused whole.
const MAX_CELLS = 10_000;
const MAX_UNDOCUMENTED = 1_000;
const MAX_CONSUMER = 200;
const MAX_REQUEST = 1_000;

interface Builder {
  target: DeployedContract;
  cells: Map<string, OperationTraffic & { buckets: Map<number, number> }>;
  undocumented: Map<string, TrafficWindow['undocumented'][number]>;
  services: Set<string>;
  startMs: number;
  endMs: number;
  spans: number;
}

/**
 * Aggregates a batch of spans into one traffic window per deployed contract version, the same
 * windows the proxy reports, so latency, error rate, incidents and MTTR need nothing new. A
 * window's id is derived from the batch's bytes, so an exporter retrying a batch after a lost
 * answer sends windows the registry already has and nothing is counted twice.
 *
 * The consumer of an HTTP call is the `peer.service` the server recorded, else the service of the
 * client span that is the server span's parent in this batch. A Collector's `groupbytrace`
 * processor puts both sides of a call in one batch.
 */
export function spansToWindows({ spans, mapSpan, batchId, oldestMs }: { spans: readonly ReceivedSpan[]; mapSpan: SpanMapper; batchId: string; oldestMs: number }): BatchOutcome {
  const clients = new Map<string, string>();
  for (const span of spans) if (span.kind === SpanKind.client && span.service) clients.set(`${span.traceId}/${span.spanId}`, span.service);

  const builders = new Map<string, Builder>();
  let unmatched = 0;
  let expired = 0;
  let overflow = 0;
  for (const span of spans) {
    if (span.kind !== SpanKind.server && span.kind !== SpanKind.producer && span.kind !== SpanKind.consumer) continue;
    const mapping = mapSpan(span);
    if (!mapping) {
      unmatched++;
      continue;
    }
    if (span.endMs < oldestMs) {
      expired++;
      continue;
    }
    const { target } = mapping;
    const key = `${target.contract}\n${target.environment}\n${target.version}`;
    let builder = builders.get(key);
    if (!builder) builders.set(key, (builder = { target, cells: new Map(), undocumented: new Map(), services: new Set(), startMs: span.startMs, endMs: span.endMs, spans: 0 }));
    const consumer = consumerOf(span, clients).slice(0, MAX_CONSUMER);
    if (mapping.kind === 'undocumented') {
      const request = mapping.request.slice(0, MAX_REQUEST);
      const entry = builder.undocumented.get(`${request}\n${consumer}`);
      if (entry) entry.count++;
      else if (builder.undocumented.size < MAX_UNDOCUMENTED) builder.undocumented.set(`${request}\n${consumer}`, { request, consumer, count: 1 });
      else {
        overflow++;
        continue;
      }
    } else {
      let cell = builder.cells.get(`${mapping.operation}\n${consumer}`);
      if (!cell) {
        if (builder.cells.size >= MAX_CELLS) {
          overflow++;
          continue;
        }
        builder.cells.set(`${mapping.operation}\n${consumer}`, (cell = { operation: mapping.operation, consumer, requests: 0, status: {}, transportErrors: 0, violations: 0, latency: [], latencySumMs: 0, buckets: new Map() }));
      }
      record(cell, span);
    }
    builder.spans++;
    if (span.service) builder.services.add(span.service);
    builder.startMs = Math.min(builder.startMs, span.startMs);
    builder.endMs = Math.max(builder.endMs, span.endMs);
  }

  const rejected: BatchOutcome['rejected'] = [];
  if (expired > 0) rejected.push({ spans: expired, why: 'ended before the retention of traffic data' });
  if (overflow > 0) rejected.push({ spans: overflow, why: `would pass the ${MAX_CELLS} operation × consumer cells or ${MAX_UNDOCUMENTED} undocumented requests a window holds` });
  return { windows: [...builders.values()].map((b) => ({ window: windowOf(b, batchId), target: b.target, spans: b.spans })), rejected, unmatched };
}

function consumerOf(span: ReceivedSpan, clients: Map<string, string>): string {
  const peer = span.attributes['peer.service'];
  if (typeof peer === 'string' && peer !== '') return peer;
  if (span.kind === SpanKind.server) return (span.parentSpanId && clients.get(`${span.traceId}/${span.parentSpanId}`)) || 'unknown';
  // A messaging span is the party itself: the service that sent or received the message.
  return span.service ?? 'unknown';
}

type StatusClass = keyof OperationTraffic['status'];

function record(cell: OperationTraffic & { buckets: Map<number, number> }, span: ReceivedSpan): void {
  cell.requests++;
  const raw = span.attributes['http.response.status_code'] ?? span.attributes['http.status_code'];
  const code = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : NaN;
  if (code >= 100 && code < 600) {
    const statusClass = `${Math.floor(code / 100)}xx` as StatusClass;
    cell.status[statusClass] = (cell.status[statusClass] ?? 0) + 1;
  }
  // A failed span without a 5xx answer (a dropped connection, a failed delivery) counts as a transport error.
  if (span.failed && !(code >= 500 && code < 600)) cell.transportErrors++;
  const latencyMs = span.endMs - span.startMs;
  const bucket = latencyBucketOf(latencyMs);
  cell.buckets.set(bucket, (cell.buckets.get(bucket) ?? 0) + 1);
  cell.latencySumMs += latencyMs;
}

function windowOf(builder: Builder, batchId: string): TrafficWindow {
  const { target } = builder;
  const id = createHash('sha256').update(`${batchId}\n${target.contract}\n${target.environment}\n${target.version}`).digest('hex').slice(0, 48);
  const startMs = Math.floor(builder.startMs);
  const endMs = Math.max(Math.ceil(builder.endMs), startMs + 1);
  return {
    id: `otlp-${id}`,
    contract: target.contract,
    environment: target.environment,
    version: target.version,
    source: 'otlp',
    reporter: `otlp:${[...builder.services].sort().join(',') || 'unknown'}`.slice(0, 200),
    startedAt: new Date(startMs).toISOString(),
    endedAt: new Date(endMs).toISOString(),
    operations: [...builder.cells.values()].map(({ buckets, ...cell }) => ({ ...cell, latency: [...buckets].sort(([a], [b]) => a - b) })),
    violations: [],
    undocumented: [...builder.undocumented.values()],
  };
}
