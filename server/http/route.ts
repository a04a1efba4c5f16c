import type { Request, Response } from 'express';
import type { Gate } from '../auth/index.js';

export type Method = 'get' | 'post' | 'patch';

/**
 * Who may call a route before the registry decides against the owning team: `public` is open to
 * all, `read` to anonymous callers when the installation allows anonymous reading, `signed-in`
 * needs any person or key, and an action a caller whose role or key scope can perform it at all.
 */
export type RouteAccess = Gate;

/**
 * A REST route as data. Paths use OpenAPI template syntax (`/contracts/{slug}`) so the route table
 * can be compared with Accord's own OpenAPI document and proved against every kind of caller.
 */
export interface Route {
  method: Method;
  path: string;
  access: RouteAccess;
  /**
   * `document`: the body may be a whole contract document or ruleset (JSON or raw), up to the
   * document limit; `windows`: a batch of traffic windows, a larger JSON body; otherwise a small JSON body.
   */
  accepts?: 'document' | 'windows';
  handler: (req: Request, res: Response) => Promise<void> | void;
}

export const expressPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');
