import type { Registry } from '../registry/index.js';
import { actorOf, param } from './request-context.js';
import type { Route } from './route.js';
import { subscriptionQuery, systemCreate, systemPatch, systemQuery } from './schemas.js';
import { validateInput } from './validate-input.js';

export function systemRoutes(registry: Registry): Route[] {
  return [
    { method: 'get', path: '/systems', handler: async (req, res) => void res.json(await registry.systems.list(validateInput(systemQuery, req.query, 'query'))) },
    {
      method: 'post',
      path: '/systems',
      handler: async (req, res) => {
        const system = await registry.systems.create(validateInput(systemCreate, req.body), actorOf(res));
        res.status(201).location(`/api/v1/systems/${system.slug}`).json(system);
      },
    },
    { method: 'get', path: '/systems/{system}', handler: async (req, res) => void res.json(await registry.systems.get(param(req, 'system'))) },
    { method: 'patch', path: '/systems/{system}', handler: async (req, res) => void res.json(await registry.systems.update(param(req, 'system'), validateInput(systemPatch, req.body), actorOf(res))) },
    {
      method: 'get',
      path: '/systems/{system}/subscriptions',
      handler: async (req, res) => void res.json(await registry.subscriptions.list({ ...validateInput(subscriptionQuery, req.query, 'query'), consumer: param(req, 'system') })),
    },
  ];
}
