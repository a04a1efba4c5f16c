import type { Registry } from '../registry/index.js';
import { actorOf, param } from './request-context.js';
import type { Route } from './route.js';
import { deploymentCreate, environmentCreate, environmentPatch, matrixQuery, pageQuery } from './schemas.js';
import { validateInput } from './validate-input.js';

export function environmentRoutes(registry: Registry): Route[] {
  return [
    { method: 'get', path: '/environments', handler: async (_req, res) => void res.json({ items: await registry.environments.list() }) },
    {
      method: 'post',
      path: '/environments',
      handler: async (req, res) => {
        const environment = await registry.environments.create(validateInput(environmentCreate, req.body), actorOf(res));
        res.status(201).location(`/api/v1/environments/${environment.slug}`).json(environment);
      },
    },
    { method: 'get', path: '/environments/{environment}', handler: async (req, res) => void res.json(await registry.environments.get(param(req, 'environment'))) },
    {
      method: 'patch',
      path: '/environments/{environment}',
      handler: async (req, res) => void res.json(await registry.environments.update(param(req, 'environment'), validateInput(environmentPatch, req.body), actorOf(res))),
    },
    { method: 'get', path: '/deployments', handler: async (req, res) => void res.json(await registry.deployments.matrix(validateInput(matrixQuery, req.query, 'query'))) },
    {
      method: 'get',
      path: '/contracts/{contract}/deployments',
      handler: async (req, res) => void res.json(await registry.deployments.history(param(req, 'contract'), validateInput(pageQuery, req.query, 'query'))),
    },
    {
      method: 'post',
      path: '/contracts/{contract}/deployments',
      handler: async (req, res) => {
        const deployment = await registry.deployments.record({ ...validateInput(deploymentCreate, req.body), contract: param(req, 'contract') }, actorOf(res));
        res.status(201).json(deployment);
      },
    },
  ];
}
