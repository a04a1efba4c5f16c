import type { Registry } from '../registry/index.js';
import { resourceRoutes } from './resource-routes.js';
import type { Route } from './route.js';
import { contractCreate, contractPatch, contractQuery } from './schemas.js';

export function contractRoutes(registry: Registry): Route[] {
  return resourceRoutes({ collection: '/contracts', param: 'contract', schemas: { create: contractCreate, patch: contractPatch, query: contractQuery }, service: registry.contracts, access: { create: 'contract.manage', update: 'contract.manage' } });
}
