import type { Registry } from '../registry/index.js';
import { resourceRoutes } from './resource-routes.js';
import type { Route } from './route.js';
import { teamCreate, teamPatch, teamQuery } from './schemas.js';

export function teamRoutes(registry: Registry): Route[] {
  return resourceRoutes({ collection: '/teams', param: 'team', schemas: { create: teamCreate, patch: teamPatch, query: teamQuery }, service: registry.teams, access: { create: 'admin', update: 'team.manage' } });
}
