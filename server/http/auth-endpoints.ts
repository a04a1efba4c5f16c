import { getRequest, setResponse } from 'better-call/node';
import type { RequestHandler } from 'express';
import type { Auth } from '../auth/index.js';
import { AccordError } from '../shared/index.js';
import { problemOf, sendProblem } from './problem.js';

const MAX_BODY_BYTES = 64 * 1024;

/**
 * better-auth's endpoints (sign-in, sign-out, session, single sign-on), served so their refusals
 * read like every other Accord refusal: better-auth answers errors as `{code, message}` JSON (and
 * unknown paths with an empty 404); those become RFC 9457 problems with the same status and a
 * kebab-case code. Successful answers, cookies and redirects pass through untouched.
 */
export function authEndpoints(auth: Auth): RequestHandler {
  return async (req, res) => {
    const response = await auth.handler(getRequest({ base: `${req.protocol}://${req.get('host')}`, request: req, bodySizeLimit: MAX_BODY_BYTES }));
    if (response.status < 400) return void (await setResponse(res, response));
    const body = (await response.json().catch(() => ({}))) as { code?: unknown; message?: unknown };
    const code = typeof body.code === 'string' && body.code ? body.code.toLowerCase().replaceAll('_', '-') : response.status === 404 ? 'route-not-found' : 'auth-refused';
    const message = typeof body.message === 'string' && body.message ? body.message : response.status === 404 ? `no route ${req.method} ${req.path}` : response.statusText || 'the request was refused';
    const problem = problemOf(new AccordError(code, message), req.originalUrl.split('?')[0]);
    const retryAfter = response.headers.get('retry-after');
    if (retryAfter) res.set('Retry-After', retryAfter);
    for (const cookie of response.headers.getSetCookie()) res.append('Set-Cookie', cookie);
    sendProblem(res, { ...problem, status: response.status, requestId: res.getHeader('x-request-id') as string });
  };
}
