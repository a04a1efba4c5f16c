import { SpanKind, SpanStatusCode, context, trace, type Attributes } from '@opentelemetry/api';
import { OTLPTraceExporter as OtlpHttpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OtlpProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';

/** One call of a consumer to a provider, as their instrumentation would record it. */
export interface Call {
  /** The calling service; its CLIENT span is the server span's parent unless `peerService` names it instead. */
  consumer: string;
  /** Record the consumer as the server's `peer.service` and send no client span. */
  viaPeerService?: boolean;
  method: string;
  /** Host and port the request was addressed to, as the server sees them. */
  host: string;
  port: number;
  path: string;
  status: number;
  latencyMs: number;
}

/**
 * Spans recorded with the real OpenTelemetry SDK: a tracer per service (each its own resource),
 * all finished into one in-memory buffer, so one export carries both sides of each call, as a
 * Collector's groupbytrace processor would send them.
 */
export function recordCalls(calls: readonly Call[], { provider = 'inventory', at = Date.now() }: { provider?: string; at?: number } = {}): ReadableSpan[] {
  const buffer = new InMemorySpanExporter();
  const tracers = new Map<string, BasicTracerProvider>();
  const tracerOf = (service: string) => {
    let tracer = tracers.get(service);
    if (!tracer) tracers.set(service, (tracer = new BasicTracerProvider({ resource: resourceFromAttributes({ 'service.name': service }), spanProcessors: [new SimpleSpanProcessor(buffer)] })));
    return tracer.getTracer('accord-test');
  };
  calls.forEach((call, i) => {
    const start = at + i * 1000;
    const end = start + call.latencyMs;
    const parent = call.viaPeerService ? undefined : tracerOf(call.consumer).startSpan(`${call.method}`, { kind: SpanKind.CLIENT, startTime: start - 1, attributes: { 'http.request.method': call.method, 'url.full': `http://${call.host}:${call.port}${call.path}` } });
    const attributes: Attributes = {
      'http.request.method': call.method,
      'server.address': call.host,
      'server.port': call.port,
      'url.path': call.path,
      'url.scheme': 'http',
      'http.response.status_code': call.status,
      ...(call.viaPeerService && { 'peer.service': call.consumer }),
    };
    const server = tracerOf(provider).startSpan(`${call.method} ${call.path}`, { kind: SpanKind.SERVER, startTime: start, attributes }, parent ? trace.setSpan(context.active(), parent) : undefined);
    if (call.status >= 500) server.setStatus({ code: SpanStatusCode.ERROR });
    server.end(end);
    parent?.end(end + 1);
  });
  return buffer.getFinishedSpans();
}

export type Encoding = 'protobuf' | 'json';

/** What the exporter reports: code 0 is success (`ExportResultCode.SUCCESS`), 1 failure. */
export interface ExportResult {
  code: number;
  error?: Error;
}

/** Exports spans once with the real OTLP/HTTP exporter for the encoding, as an SDK or Collector would. */
export async function exportSpans(spans: ReadableSpan[], { url, key, encoding, gzip = false }: { url: string; key: string; encoding: Encoding; gzip?: boolean }): Promise<ExportResult> {
  const options = { url: `${url}/v1/traces`, headers: { Authorization: `Bearer ${key}` }, ...(gzip && { compression: 'gzip' as never }) };
  const exporter = encoding === 'protobuf' ? new OtlpProtoExporter(options) : new OtlpHttpJsonExporter(options);
  try {
    return await new Promise<ExportResult>((resolve) => exporter.export(spans, resolve));
  } finally {
    await exporter.shutdown();
  }
}
