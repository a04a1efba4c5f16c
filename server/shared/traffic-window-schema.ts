import { z } from 'zod';
import { MAX_LATENCY_BUCKET } from './traffic-window.js';

// The schema of a traffic window, apart from the latency sketch it carries: only the registry
// validates windows, and the client commands, which import the shared module too, need not load
// zod for it. The shared index re-exports the window's types only.

const slug = z.string().min(1).max(100).regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and hyphens');
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const text = (max: number) => z.string().max(max);

const latencySketch = z
  .array(z.tuple([z.number().int().min(0).max(MAX_LATENCY_BUCKET), count]))
  .max(MAX_LATENCY_BUCKET + 1);

/** One operation × consumer cell of a window. Errors are 5xx answers and transport failures. */
const operationTraffic = z.object({
  /** The operation key of the version's index: `GET /orders/{id}`, `send orders.created`. */
  operation: text(500).min(1),
  /** From `--consumer-header`, the API key the registry knows, the OTLP peer, or "unknown". */
  consumer: text(200).min(1),
  requests: count,
  status: z.object({ '1xx': count, '2xx': count, '3xx': count, '4xx': count, '5xx': count }).partial().default({}),
  transportErrors: count.default(0),
  /** Requests (or messages) that broke the contract; counted apart from errors. */
  violations: count.default(0),
  latency: latencySketch.default([]),
  latencySumMs: z.number().min(0).default(0),
  /** Broker listeners: messages received, validated, and dropped because validation fell behind. */
  messages: z.object({ seen: count, validated: count, dropped: count }).optional(),
});

/** One kind of contract violation seen in the window, with a redacted sample. */
const violation = z.object({
  operation: text(500).min(1),
  consumer: text(200).min(1),
  /** Where in the request or response (or message) the contract was broken. */
  pointer: text(1000),
  /** `request-body-schema`, `response-status-undocumented`, `message-payload-schema`, ... */
  rule: text(100).min(1),
  message: text(1000),
  count: count.min(1),
  /** Redacted: no credentials, cookies or fields the reporter was told to hide. */
  sample: text(4096).optional(),
});

/** Requests or messages that matched no operation of the version. */
const undocumented = z.object({
  /** `GET /v2/orders` or `receive some.topic`. */
  request: text(1000).min(1),
  consumer: text(200).min(1),
  count: count.min(1),
});

export const trafficWindowSchema = z
  .object({
    /** Chosen by the reporter and unique per window: sending it again must not count twice. */
    id: z.string().min(8).max(200).regex(/^[A-Za-z0-9._:-]+$/, 'must be letters, digits, dots, underscores, colons and hyphens'),
    contract: slug,
    environment: slug,
    /** The version the traffic was validated against. */
    version: text(100).min(1),
    source: z.enum(['proxy', 'probe', 'listener', 'otlp']),
    /** Which reporter instance sent it, for the operator reading the data (host:pid or a name). */
    reporter: text(200).min(1),
    startedAt: z.iso.datetime({ offset: true }),
    endedAt: z.iso.datetime({ offset: true }),
    operations: z.array(operationTraffic).max(10_000),
    violations: z.array(violation).max(500).default([]),
    undocumented: z.array(undocumented).max(1_000).default([]),
  })
  .refine((w) => Date.parse(w.endedAt) > Date.parse(w.startedAt), { message: 'endedAt must be after startedAt', path: ['endedAt'] });

export type TrafficWindow = z.infer<typeof trafficWindowSchema>;
export type OperationTraffic = TrafficWindow['operations'][number];
export type TrafficViolation = TrafficWindow['violations'][number];
export type UndocumentedTraffic = TrafficWindow['undocumented'][number];
