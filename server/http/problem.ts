import type { ErrorRequestHandler, Response } from 'express';
import { isConnectionFailure, sqlStateOf } from '../db/index.js';
import { AccordError, InvalidInput, Unavailable, type Issue } from '../shared/index.js';

/** The single table from stable error codes to HTTP statuses. Unlisted codes fall back by error class. */
const STATUS_BY_CODE: Record<string, number> = {
  'not-found': 404,
  unauthenticated: 401,
  'api-key-suspended': 401,
  forbidden: 403,
  'rate-limited': 429,
  'cross-origin-write': 403,
  'route-not-found': 404,
  'malformed-json': 400,
  'malformed-otlp': 400,
  'bad-request': 400,
  'invalid-cursor': 400,
  'unsupported-media-type': 415,
  'payload-too-large': 413,
  'length-required': 411,
  'invalid-encoding': 422,
  'document-too-large': 413,
  'already-exists': 409,
  'version-conflict': 409,
  'version-order': 409,
  'contract-retired': 409,
  'invalid-transition': 409,
  'subscription-exists': 409,
  'spec-timeout': 422,
  'check-timeout': 422,
  'publish-blocked': 422,
  'service-unavailable': 503,
  'database-unavailable': 503,
  starting: 503,
  'ingest-busy': 503,
  'internal-error': 500,
};

const STATUS_BY_CLASS: Record<string, number> = { NotFound: 404, Conflict: 409, InvalidInput: 422, DocumentRejected: 422, Unavailable: 503 };

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  errors?: { pointer?: string; detail: string; code?: string; line?: number; column?: number }[];
  requestId?: string;
  [extension: string]: unknown;
}

const RESERVED = new Set(['type', 'title', 'status', 'detail', 'code', 'instance', 'errors', 'requestId']);

export function problemOf(error: AccordError, instance?: string): Problem {
  const status = STATUS_BY_CODE[error.code] ?? STATUS_BY_CLASS[error.name] ?? 422;
  return {
    type: `urn:accord:problem:${error.code}`,
    title: titleOf(error.code),
    status,
    detail: error.message,
    code: error.code,
    ...(instance ? { instance } : {}),
    ...(error.issues.length > 0 ? { errors: error.issues.map(toProblemError) } : {}),
    // RFC 9457 extension members; the standard members above always win a name clash.
    ...Object.fromEntries(Object.entries(error.details).filter(([key]) => !RESERVED.has(key))),
  };
}

export function sendProblem(res: Response, problem: Problem): void {
  if (problem.status === 503) res.set('Retry-After', '5');
  if (problem.status === 429 && typeof problem.retryAfterSeconds === 'number') res.set('Retry-After', String(problem.retryAfterSeconds));
  if (problem.status === 401) res.set('WWW-Authenticate', 'Bearer realm="accord"');
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}

/**
 * The last middleware: every failure leaves as RFC 9457 problem+json. Client faults Express finds
 * itself are translated; anything unexpected is logged and answered with a 500 that leaks nothing.
 */
export function problemHandler({ log, onDatabaseUnavailable = () => {} }: { log: { error: (obj: object, msg: string) => void }; onDatabaseUnavailable?: () => void }): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const requestId = res.getHeader('x-request-id') as string | undefined;
    const accordError = error instanceof AccordError ? error : (fromExpress(error) ?? fromDatabase(error));
    // An outage is reported once by whoever watches the database, not once per request.
    if (accordError?.code === 'database-unavailable') onDatabaseUnavailable();
    else if (!accordError) log.error({ err: withoutStatement(error), requestId }, 'unhandled error');
    const problem = problemOf(accordError ?? new AccordError('internal-error', 'Accord failed to handle this request; the error was logged'), req.originalUrl);
    if (res.headersSent) return void res.end();
    sendProblem(res, { ...problem, ...(requestId ? { requestId } : {}) });
  };
}

// Request bodies are read by requestBody, which throws AccordErrors; Express marks client faults it
// finds itself (a malformed percent-encoding in the path) with a 4xx status.
function fromExpress(error: unknown): AccordError | undefined {
  const status = (error as { status?: number })?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) return new AccordError('bad-request', `the request is malformed: ${(error as Error).message}`);
  return undefined;
}

/**
 * Database refusals a client can cause or simply retry. Input the database cannot store (a NUL
 * character, a date outside its range) gets past validation on some fields; lock contention
 * between concurrent writes (a deadlock, a serialisation failure) succeeds when tried again.
 */
function fromDatabase(error: unknown): AccordError | undefined {
  if (isConnectionFailure(error)) return new Unavailable('database-unavailable', 'the database cannot be reached right now; try again shortly');
  const state = sqlStateOf(error);
  if (state === '22021' || state === '22P05' || state === '22008' || state === '22007') return new InvalidInput('a value in the request cannot be stored: NUL characters and dates outside years 1–9999 are not accepted', [], 'unstorable-value');
  if (state === '40P01' || state === '40001') return new Unavailable('write-contention', 'this write collided with a concurrent one; send it again');
  return undefined;
}

/**
 * Drizzle's query errors carry the statement and its parameters, which hold people's data and
 * drown the log; the driver's error underneath says what failed.
 */
function withoutStatement(error: unknown): unknown {
  const { query, cause } = (error ?? {}) as { query?: unknown; cause?: unknown };
  return typeof query === 'string' && cause instanceof Error ? cause : error;
}

function toProblemError(issue: Issue) {
  const { message, ...rest } = issue;
  return { ...rest, detail: message };
}

function titleOf(code: string): string {
  const words = code.replaceAll('-', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
