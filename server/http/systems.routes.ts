import type { Registry } from '../registry/index.js';
import { param } from './request-context.js';
import { resourceRoutes } from './resource-routes.js';
import type { Route } from './route.js';
import { subscriptionQuery, systemCreate, systemPatch, systemQuery } from './schemas.js';
import { validateInput } from './validate-input.js';

export function systemRoutes(registry: Registry): Route[] {
  return [
    ...resourceRoutes({ collection: '/systems', param: 'system', schemas: { create: systemCreate, patch: systemPatch, query: systemQuery }, service: registry.systems, access: { create: 'team.manage', update: 'team.manage' } }),
    {
      method: 'get',
      access: 'read',
      path: '/systems/{system}/subscriptions',
      handler: async (req, res) => void res.json(await registry.subscriptions.list({ ...validateInput(subscriptionQuery, req.query, 'query'), consumer: param(req, 'system') })),
    },
  ];
}
