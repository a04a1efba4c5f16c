import type { Request } from 'express';
import { AccordError } from '../shared/index.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for cookie-authenticated writes: the browser's Origin (or, failing that, Referer)
 * must be one Accord serves from. SameSite=Lax cookies already stop most cross-site writes; this
 * also covers sibling subdomains, which count as same-site. Requests with an API key carry no
 * ambient credential and need no check.
 */
export function checkOrigin(req: Request, trustedOrigins: ReadonlySet<string>): void {
  if (SAFE_METHODS.has(req.method)) return;
  const origin = req.get('origin') ?? originOf(req.get('referer'));
  if (origin === undefined) throw new AccordError('cross-origin-write', 'a cookie-authenticated write must carry an Origin header; browsers send one, other clients should use an API key');
  if (!trustedOrigins.has(origin)) throw new AccordError('cross-origin-write', `requests from ${origin} may not write with your session; trusted origins are ${[...trustedOrigins].join(', ')}`);
}

function originOf(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}
