import type { Request, Response } from 'express';
import { renderChangelog } from '../compat/index.js';
import type { ChangelogEntry, Registry } from '../registry/index.js';
import { param } from './request-context.js';
import type { Route } from './route.js';
import { changelogQuery } from './schemas.js';
import { validateInput } from './validate-input.js';

/** JSON by default; Markdown when asked for with `?format=markdown` or `Accept: text/markdown`. */
function send(req: Request, res: Response, contract: string, entries: ChangelogEntry[], json: unknown): void {
  const { format } = validateInput(changelogQuery, req.query, 'query');
  const markdown = format === 'markdown' || (format === undefined && req.accepts(['application/json', 'text/markdown']) === 'text/markdown');
  res.vary('Accept');
  if (markdown) res.type('text/markdown; charset=utf-8').send(renderChangelog(contract, entries));
  else res.json(json);
}

export function changelogRoutes(registry: Registry): Route[] {
  return [
    {
      method: 'get',
      access: 'read',
      path: '/contracts/{contract}/changelog',
      handler: async (req, res) => {
        const contract = param(req, 'contract');
        const entries = await registry.changelog.entries(contract);
        send(req, res, contract, entries, { contract, items: entries });
      },
    },
    {
      method: 'get',
      access: 'read',
      path: '/contracts/{contract}/versions/{version}/changelog',
      handler: async (req, res) => {
        const contract = param(req, 'contract');
        const entry = await registry.changelog.entry(contract, param(req, 'version'));
        send(req, res, contract, [entry], entry);
      },
    },
  ];
}
