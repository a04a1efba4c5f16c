import type { RequestHandler } from 'express';
import { AccordError } from '../shared/index.js';

/**
 * Refuses a request body larger than `maxBytes` before anything reads it. For handlers that read
 * the body themselves (better-auth's) and set no limit: without this, one oversized sign-in would
 * be buffered whole. A body of unknown length (chunked) is refused too, since its size can only
 * be known by reading it; browsers and HTTP clients send Content-Length for such small bodies.
 */
export function boundedBody(maxBytes: number): RequestHandler {
  return (req, _res, next) => {
    const declared = req.get('content-length');
    if (declared === undefined) return next(req.get('transfer-encoding') ? new AccordError('length-required', 'send the request body with a Content-Length') : undefined);
    next(Number(declared) > maxBytes ? new AccordError('payload-too-large', `the request body is ${declared} bytes; at most ${maxBytes} are accepted here`) : undefined);
  };
}
