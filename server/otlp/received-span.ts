/** OTLP's span kinds, by their number in the protocol. */
export const SpanKind = { unspecified: 0, internal: 1, server: 2, client: 3, producer: 4, consumer: 5 } as const;

export type AttributeValue = string | number | boolean;

/** A span as the ingest reads it, whichever encoding it arrived in. */
export interface ReceivedSpan {
  /** Lower-case hex, as OTLP/JSON writes ids. */
  traceId: string;
  spanId: string;
  /** Empty for a root span. */
  parentSpanId: string;
  kind: number;
  startMs: number;
  endMs: number;
  /** The span's status code is ERROR. */
  failed: boolean;
  /** Scalar attributes; arrays and maps are left out, no convention the ingest reads uses them. */
  attributes: Record<string, AttributeValue>;
  /** `service.name` of the resource that sent the span. */
  service: string | undefined;
}
