import type { Registry } from '../registry/index.js';
import { actorOf, param } from './request-context.js';
import type { Route } from './route.js';
import { checkBody, checkQuery, pageQuery } from './schemas.js';
import { validateInput } from './validate-input.js';
import { documentInput } from './document-input.js';

/** Checks try a candidate document against the registered versions without publishing it. */
export function checkRoutes(registry: Registry): Route[] {
  return [
    {
      method: 'post',
      access: 'check.run',
      accepts: 'document',
      path: '/contracts/{contract}/checks',
      handler: async (req, res) => {
        const contract = param(req, 'contract');
        const check = await registry.checks.run({ contract, ...documentInput(req, { body: checkBody, query: checkQuery }) }, actorOf(res));
        res.status(201).location(`/api/v1/contracts/${contract}/checks/${check.id}`).json(check);
      },
    },
    { method: 'get', access: 'read', path: '/contracts/{contract}/checks', handler: async (req, res) => void res.json(await registry.checks.list(param(req, 'contract'), validateInput(pageQuery, req.query, 'query'))) },
    { method: 'get', access: 'read', path: '/contracts/{contract}/checks/{check}', handler: async (req, res) => void res.json(await registry.checks.get(param(req, 'contract'), param(req, 'check'))) },
  ];
}
