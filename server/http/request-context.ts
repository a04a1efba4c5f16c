import type { Request, RequestHandler, Response } from 'express';
import { newId, type Actor } from '../shared/index.js';

/**
 * Gives every request an id (echoed as `x-request-id`) and, until authentication names someone,
 * the anonymous `Actor`, so even requests refused before authentication have both.
 */
export function requestContext(): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get('x-request-id');
    const requestId = incoming && /^[\w.-]{1,100}$/.test(incoming) ? incoming : newId();
    res.setHeader('x-request-id', requestId);
    const actor: Actor = { kind: 'anonymous', requestId };
    res.locals.actor = actor;
    next();
  };
}

export const actorOf = (res: Response): Actor => res.locals.actor as Actor;

/** A path parameter; Express types allow arrays for wildcard segments, which Accord does not use. */
export const param = (req: Request, name: string): string => String(req.params[name]);
