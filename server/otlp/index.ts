// OTLP/HTTP trace ingest: spans from OpenTelemetry SDKs and Collectors become traffic windows.
export { createOtlpIngest, type OtlpIngest, type OtlpIngestDeps, type ExportOutcome } from './create-otlp-ingest.js';
export { decodeTraceRequest, type OtlpEncoding } from './decode-trace-request.js';
export { otlpTraceProto } from './otlp-trace-proto.js';
export { createSpanMapper, type SpanMapper, type SpanMapping } from './create-span-mapper.js';
export { spansToWindows } from './spans-to-windows.js';
export type { ReceivedSpan } from './received-span.js';
