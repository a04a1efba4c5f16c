import { AccordError } from '../shared/index.js';
import { otlpTraceProto } from './otlp-trace-proto.js';
import type { AttributeValue, ReceivedSpan } from './received-span.js';

export type OtlpEncoding = 'protobuf' | 'json';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * Reads an ExportTraceServiceRequest in either OTLP/HTTP encoding into spans. Both go through one
 * walk: protobufjs gives ids as bytes and 64-bit times as Long, OTLP/JSON gives ids as hex and
 * times as decimal strings (or numbers), and otherwise the shapes are the same. A body that is not
 * a request at all is refused; a span without ids or times is skipped and counted, so one broken
 * span does not cost the rest of the batch.
 */
export function decodeTraceRequest(body: Uint8Array, encoding: OtlpEncoding): { spans: ReceivedSpan[]; invalid: number } {
  const request = encoding === 'protobuf' ? decodeProtobuf(body) : decodeJson(body);
  const spans: ReceivedSpan[] = [];
  let invalid = 0;
  for (const resourceSpans of list(request.resourceSpans)) {
    if (!isObj(resourceSpans)) throw malformed('resourceSpans must hold objects');
    const resource = attributesOf(isObj(resourceSpans.resource) ? resourceSpans.resource.attributes : undefined);
    const service = typeof resource['service.name'] === 'string' ? resource['service.name'] : undefined;
    for (const scopeSpans of list(resourceSpans.scopeSpans)) {
      if (!isObj(scopeSpans)) throw malformed('scopeSpans must hold objects');
      for (const span of list(scopeSpans.spans)) {
        const read = isObj(span) ? spanOf(span, service) : undefined;
        if (read) spans.push(read);
        else invalid++;
      }
    }
  }
  return { spans, invalid };
}

const malformed = (why: string) => new AccordError('malformed-otlp', `the request body is not an OTLP ExportTraceServiceRequest: ${why}`);

function decodeProtobuf(body: Uint8Array): Obj {
  try {
    return otlpTraceProto.request.decode(body) as unknown as Obj;
  } catch (error) {
    throw malformed((error as Error).message);
  }
}

function decodeJson(body: Uint8Array): Obj {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch (error) {
    throw malformed(`not UTF-8 JSON (${(error as Error).message})`);
  }
  if (!isObj(value)) throw malformed('the JSON body must be an object');
  if (value.resourceSpans !== undefined && !Array.isArray(value.resourceSpans)) throw malformed('resourceSpans must be an array');
  return value;
}

function spanOf(span: Obj, service: string | undefined): ReceivedSpan | undefined {
  const traceId = idOf(span.traceId);
  const spanId = idOf(span.spanId);
  const start = nanosOf(span.startTimeUnixNano);
  const end = nanosOf(span.endTimeUnixNano);
  if (!traceId || !spanId || start === undefined || end === undefined || end < start) return undefined;
  const status = isObj(span.status) ? span.status : {};
  return {
    traceId,
    spanId,
    parentSpanId: idOf(span.parentSpanId) ?? '',
    kind: typeof span.kind === 'number' ? span.kind : (KIND_NAMES[String(span.kind)] ?? 0),
    startMs: start / 1e6,
    endMs: end / 1e6,
    failed: status.code === 2 || status.code === 'STATUS_CODE_ERROR',
    attributes: attributesOf(span.attributes),
    service,
  };
}

// OTLP/JSON writes enums as numbers; a sender that writes the names is understood too.
const KIND_NAMES: Record<string, number> = { SPAN_KIND_INTERNAL: 1, SPAN_KIND_SERVER: 2, SPAN_KIND_CLIENT: 3, SPAN_KIND_PRODUCER: 4, SPAN_KIND_CONSUMER: 5 };
const HEX_ID = /^[0-9a-f]+$/i;

/** Bytes from protobuf, lower-case hex from JSON; empty and all-zero ids are no ids (OTLP's "invalid"). */
function idOf(value: unknown): string | undefined {
  let hex: string | undefined;
  if (value instanceof Uint8Array) hex = Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex');
  else if (typeof value === 'string' && HEX_ID.test(value)) hex = value.toLowerCase();
  return hex && !/^0+$/.test(hex) ? hex : undefined;
}

/**
 * Unix nanoseconds as a number. Past 2^53 a double loses a few hundred nanoseconds, which is far
 * below what a latency sketch in milliseconds resolves.
 */
function nanosOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? value : undefined;
  if (typeof value === 'string') return /^\d{1,20}$/.test(value) && value !== '0' ? Number(value) : undefined;
  if (isObj(value) && typeof value.low === 'number' && typeof value.high === 'number') {
    const nanos = (value.high >>> 0) * 4_294_967_296 + (value.low >>> 0);
    return nanos > 0 ? nanos : undefined;
  }
  return undefined;
}

function attributesOf(value: unknown): Record<string, AttributeValue> {
  const attributes: Record<string, AttributeValue> = {};
  for (const kv of list(value)) {
    if (!isObj(kv) || typeof kv.key !== 'string' || !isObj(kv.value)) continue;
    const scalar = scalarOf(kv.value);
    if (scalar !== undefined) attributes[kv.key] = scalar;
  }
  return attributes;
}

function scalarOf(any: Obj): AttributeValue | undefined {
  if (typeof any.stringValue === 'string') return any.stringValue;
  if (typeof any.boolValue === 'boolean') return any.boolValue;
  if (typeof any.doubleValue === 'number') return any.doubleValue;
  const int = any.intValue;
  if (typeof int === 'number') return int;
  if (typeof int === 'string' && /^-?\d+$/.test(int)) return Number(int);
  if (isObj(int) && typeof int.toNumber === 'function') return (int.toNumber as () => number)();
  return undefined;
}
