import type { Registry } from '../registry/index.js';
import { param } from './request-context.js';
import type { Route } from './route.js';

/** Scorecards: where contracts, teams and domains stand against their policy rulesets. */
export function governanceRoutes(registry: Registry): Route[] {
  return [
    { method: 'get', access: 'read', path: '/governance', handler: async (_req, res) => void res.json(await registry.governance.overview()) },
    { method: 'get', access: 'read', path: '/governance/contracts/{contract}', handler: async (req, res) => void res.json(await registry.governance.contract(param(req, 'contract'))) },
    { method: 'get', access: 'read', path: '/governance/teams/{team}', handler: async (req, res) => void res.json(await registry.governance.team(param(req, 'team'))) },
    { method: 'get', access: 'read', path: '/governance/domains/{domain}', handler: async (req, res) => void res.json(await registry.governance.domain(param(req, 'domain'))) },
  ];
}
