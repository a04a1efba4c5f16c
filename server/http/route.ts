import type { Request, Response } from 'express';

export type Method = 'get' | 'post' | 'patch';

/**
 * A REST route as data. Paths use OpenAPI template syntax (`/contracts/{slug}`) so the route table
 * can be compared with Accord's own OpenAPI document and, later, with an authorisation matrix.
 */
export interface Route {
  method: Method;
  path: string;
  handler: (req: Request, res: Response) => Promise<void> | void;
}

export const expressPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');
