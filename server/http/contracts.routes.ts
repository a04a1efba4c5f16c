import type { Registry } from '../registry/index.js';
import { actorOf, param } from './request-context.js';
import type { Route } from './route.js';
import { contractCreate, contractPatch, contractQuery } from './schemas.js';
import { validateInput } from './validate-input.js';

export function contractRoutes(registry: Registry): Route[] {
  return [
    { method: 'get', path: '/contracts', handler: async (req, res) => void res.json(await registry.contracts.list(validateInput(contractQuery, req.query, 'query'))) },
    {
      method: 'post',
      path: '/contracts',
      handler: async (req, res) => {
        const contract = await registry.contracts.create(validateInput(contractCreate, req.body), actorOf(res));
        res.status(201).location(`/api/v1/contracts/${contract.slug}`).json(contract);
      },
    },
    { method: 'get', path: '/contracts/{contract}', handler: async (req, res) => void res.json(await registry.contracts.get(param(req, 'contract'))) },
    {
      method: 'patch',
      path: '/contracts/{contract}',
      handler: async (req, res) => {
        const { sunsetAt, ...patch } = validateInput(contractPatch, req.body);
        const sunset = sunsetAt === undefined ? {} : { sunsetAt: sunsetAt === null ? null : new Date(sunsetAt) };
        res.json(await registry.contracts.update(param(req, 'contract'), { ...patch, ...sunset }, actorOf(res)));
      },
    },
  ];
}
