import type { Response } from 'express';
import type { Runbook, Runbooks } from '../runbook/index.js';
import { renderRunbook } from '../runbook/index.js';
import { actorOf, param } from './request-context.js';
import type { Route } from './route.js';

/**
 * Markdown by default, for people, chat and wikis; the facts as JSON (with the Markdown beside
 * them) for a caller that asks for application/json, such as a tool building its own page.
 */
function answer(res: Response, accepts: (types: string[]) => string | false, runbook: Runbook): void {
  const markdown = renderRunbook(runbook);
  if (accepts(['text/markdown', 'text/plain', 'application/json']) === 'application/json') res.json({ ...runbook, markdown });
  else res.type('text/markdown; charset=utf-8').send(markdown);
}

export function runbookRoutes(runbooks: Runbooks): Route[] {
  return [
    {
      method: 'get',
      access: 'read',
      path: '/contracts/{contract}/runbook',
      handler: async (req, res) => answer(res, (types) => req.accepts(types), await runbooks.ofContract(param(req, 'contract'), actorOf(res))),
    },
    {
      method: 'get',
      access: 'read',
      path: '/systems/{system}/runbooks/{contract}',
      handler: async (req, res) => answer(res, (types) => req.accepts(types), await runbooks.ofEdge(param(req, 'system'), param(req, 'contract'), actorOf(res))),
    },
  ];
}
