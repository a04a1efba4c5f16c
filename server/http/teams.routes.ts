import type { Registry } from '../registry/index.js';
import { actorOf, param } from './request-context.js';
import type { Route } from './route.js';
import { teamCreate, teamPatch, teamQuery } from './schemas.js';
import { validateInput } from './validate-input.js';

export function teamRoutes(registry: Registry): Route[] {
  return [
    { method: 'get', path: '/teams', handler: async (req, res) => void res.json(await registry.teams.list(validateInput(teamQuery, req.query, 'query'))) },
    {
      method: 'post',
      path: '/teams',
      handler: async (req, res) => {
        const team = await registry.teams.create(validateInput(teamCreate, req.body), actorOf(res));
        res.status(201).location(`/api/v1/teams/${team.slug}`).json(team);
      },
    },
    { method: 'get', path: '/teams/{team}', handler: async (req, res) => void res.json(await registry.teams.get(param(req, 'team'))) },
    { method: 'patch', path: '/teams/{team}', handler: async (req, res) => void res.json(await registry.teams.update(param(req, 'team'), validateInput(teamPatch, req.body), actorOf(res))) },
  ];
}
