import type { RequestHandler } from 'express';
import type { ExportOutcome, OtlpEncoding, OtlpIngest } from '../otlp/index.js';
import { AccordError } from '../shared/index.js';
import { actorOf } from './request-context.js';

export const OTLP_PROTOBUF = 'application/x-protobuf';
export const OTLP_JSON = 'application/json';

/**
 * `POST /v1/traces`, OTLP/HTTP's trace endpoint. A success answers 200 with an
 * ExportTraceServiceResponse in the encoding of the request, carrying `partial_success` when spans
 * were refused or went unmatched; refusals of the whole request (bad data 400, a media type that
 * is not OTLP's 415, an unavailable database 503 with Retry-After) are problem+json like every
 * other refusal of Accord's, and an exporter only logs the body of a failure.
 */
export function exportTraces(otlp: OtlpIngest): RequestHandler {
  return async (req, res) => {
    if (!Buffer.isBuffer(req.body)) throw new AccordError('unsupported-media-type', `send OTLP traces as ${OTLP_PROTOBUF} or ${OTLP_JSON}; Content-Type "${req.get('content-type') ?? '(none)'}" is not accepted`);
    const encoding: OtlpEncoding = req.is(OTLP_PROTOBUF) ? 'protobuf' : 'json';
    const outcome = await otlp.exportTraces({ body: req.body, encoding, actor: actorOf(res) });
    res.status(200);
    if (encoding === 'protobuf') {
      // Loaded with the ingest by the first batch, not at start-up; by now it is in the module cache.
      const { otlpTraceProto } = await import('../otlp/index.js');
      res.type(OTLP_PROTOBUF).send(Buffer.from(otlpTraceProto.response.encode(responseOf(outcome)).finish()));
    } else res.type(OTLP_JSON).send(JSON.stringify(responseOf(outcome, { int64: String })));
  };
}

/** `partial_success` is left unset when all was accepted without remark, as the specification asks. */
function responseOf({ rejectedSpans, message }: ExportOutcome, { int64 = (n: number): number | string => n } = {}) {
  if (rejectedSpans === 0 && message === '') return {};
  return { partialSuccess: { rejectedSpans: int64(rejectedSpans), errorMessage: message } };
}
