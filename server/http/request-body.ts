import { promisify } from 'node:util';
import { gunzip as gunzipCallback } from 'node:zlib';
import type { Request, RequestHandler, Response } from 'express';
import { AccordError, invalidUtf8Offset } from '../shared/index.js';
import { decodeUtf8, invalidEncoding } from './decode-utf8.js';

/** How a body is handed to the route: parsed JSON, a form's fields, text, or the bytes themselves. */
export type BodyFormat = 'json' | 'form' | 'text' | 'bytes';

export interface BodyRule {
  /** Media types, as `req.is` matches them (`application/json`, `+json`, `*\/*`). */
  types: readonly string[];
  as: BodyFormat;
  maxBytes: number;
}

/**
 * Reads the request body by the first rule whose media types match, into `req.body`; a body no
 * rule matches is left unread for the route to refuse. Everything is decided as early as it can
 * be: a compressed body, a charset other than UTF-8 and a declared length over the limit are
 * refused from the headers, before `100 Continue` is sent and before a byte is read; a body of
 * unknown length is refused the moment it passes the limit, not once it has ended. The refusal is
 * sent while the client may still be writing; `closeUnreadBody` sees that it can read it.
 */
export function requestBody(
  rules: readonly BodyRule[],
  {
    tooLarge = 'payload-too-large',
    lengthRequired = false,
    /** Accept `Content-Encoding: gzip`, as OTLP exporters send; `maxBytes` then bounds the body once inflated too. */
    gzip = false,
  }: { tooLarge?: string; lengthRequired?: boolean; gzip?: boolean } = {},
): RequestHandler {
  return (req, res, next) => {
    if (!hasBody(req)) return next();
    const rule = rules.find((r) => req.is([...r.types]));
    if (!rule) return next();
    const refusal = refusalFromHeaders(req, rule, { tooLarge, lengthRequired, gzip });
    if (refusal) return next(refusal);
    // The server leaves `100 Continue` to the routes (see main.ts): only a body that will be read is asked for.
    if (/^100-continue$/i.test(req.get('expect') ?? '')) res.writeContinue();
    const gzipped = gzip && /^\s*(x-)?gzip\s*$/i.test(req.get('content-encoding') ?? '');
    readBody(req, res, rule.maxBytes, tooLarge)
      .then((bytes) => (gzipped ? gunzip(bytes, rule.maxBytes, tooLarge) : bytes))
      .then((bytes) => {
        try {
          req.body = decodeBody(bytes, rule.as);
        } catch (error) {
          return next(error);
        }
        next();
      }, next);
  };
}

// An empty body with a Content-Length is still a body: an empty document upload is refused as a document.
const hasBody = (req: Request) => req.get('transfer-encoding') !== undefined || req.get('content-length') !== undefined;

function refusalFromHeaders(req: Request, rule: BodyRule, { tooLarge, lengthRequired, gzip }: { tooLarge: string; lengthRequired: boolean; gzip: boolean }): AccordError | undefined {
  const encoding = req.get('content-encoding')?.trim().toLowerCase();
  if (encoding && encoding !== 'identity' && !(gzip && (encoding === 'gzip' || encoding === 'x-gzip'))) {
    return new AccordError('unsupported-media-type', gzip ? `send the request body uncompressed or gzip-compressed; Content-Encoding "${encoding}" is not accepted` : `send the request body uncompressed; Content-Encoding "${encoding}" is not accepted`);
  }
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.get('content-type') ?? '')?.[1];
  // JSON is UTF-8 (RFC 8259), and so is every text Accord reads; a document's bytes are judged by safe ingest.
  if (rule.as !== 'bytes' && charset && !/^utf-?8$/i.test(charset)) return new AccordError('unsupported-media-type', `send the request body as UTF-8; charset "${charset}" is not accepted`);
  const declared = req.get('content-length');
  if (declared === undefined && lengthRequired) return new AccordError('length-required', 'send the request body with a Content-Length');
  if (Number(declared) > rule.maxBytes) return new AccordError(tooLarge, `the request body is ${declared} bytes; at most ${rule.maxBytes} are accepted here`);
  return undefined;
}

/** Collects the body, up to `maxBytes`; past that the collected chunks are dropped and the body refused. */
function readBody(req: Request, res: Response, maxBytes: number, tooLarge: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off('data', onData).off('end', onEnd).off('close', onClose);
      chunks = [];
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      stop();
      reject(new AccordError(tooLarge, `the request body is larger than the ${maxBytes} byte limit`));
    };
    const onEnd = () => {
      const body = Buffer.concat(chunks, size);
      stop();
      resolve(body);
    };
    const onClose = () => {
      stop();
      reject(new AccordError('bad-request', 'the connection closed before the request body was complete'));
    };
    req.on('data', onData).on('end', onEnd).on('close', onClose);
    res.once('close', stop);
  });
}

const inflate = promisify(gunzipCallback);

/** Inflates at most `maxBytes`: a small body that inflates to gigabytes (a zip bomb) is refused, not expanded. */
async function gunzip(bytes: Buffer, maxBytes: number, tooLarge: string): Promise<Buffer> {
  try {
    return await inflate(bytes, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new AccordError(tooLarge, `the request body inflates to more than the ${maxBytes} byte limit`);
    throw new AccordError('bad-request', `the request body is not valid gzip: ${(error as Error).message}`);
  }
}

function decodeBody(bytes: Buffer, as: BodyFormat): unknown {
  if (as === 'bytes') return bytes;
  if (as === 'form') return formFields(bytes);
  const text = decodeUtf8(bytes);
  if (as === 'text') return text;
  // An empty JSON body reads as an empty object, for the route's validation to judge.
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AccordError('malformed-json', `the request body is not valid JSON: ${(error as Error).message}`);
  }
  if (value === null || typeof value !== 'object') throw new AccordError('malformed-json', 'the request body must be a JSON object or array');
  return value;
}

/**
 * A form's names and values are percent-encoded UTF-8, and URLSearchParams would decode a bad escape
 * (`%FF`) to U+FFFD without a word; so the bytes the escapes stand for are checked first, and the
 * offset reported is that of the escape in the body. The last of repeated names wins.
 */
function formFields(body: Buffer): Record<string, string> {
  const bytes = new Uint8Array(body.length);
  const origin = new Uint32Array(body.length);
  let length = 0;
  for (let i = 0; i < body.length; i++) {
    origin[length] = i;
    const escape = body[i] === 0x25 ? body.toString('latin1', i + 1, i + 3) : '';
    if (/^[\da-f]{2}$/i.test(escape)) {
      bytes[length++] = Number.parseInt(escape, 16);
      i += 2;
    } else {
      bytes[length++] = body[i]!;
    }
  }
  const invalid = invalidUtf8Offset(bytes.subarray(0, length));
  if (invalid !== undefined) throw invalidEncoding(origin[invalid]!, { what: 'the form body' });
  return Object.fromEntries(new URLSearchParams(body.toString('utf8')));
}
