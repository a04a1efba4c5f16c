import type { Registry } from '../registry/index.js';
import { actorOf, param } from './request-context.js';
import { resourceRoutes } from './resource-routes.js';
import type { Route } from './route.js';
import { deploymentCreate, environmentCreate, environmentPatch, environmentQuery, matrixQuery, pageQuery } from './schemas.js';
import { validateInput } from './validate-input.js';

export function environmentRoutes(registry: Registry): Route[] {
  return [
    ...resourceRoutes({
      collection: '/environments',
      param: 'environment',
      schemas: { create: environmentCreate, patch: environmentPatch, query: environmentQuery },
      service: registry.environments,
      access: { create: 'admin', update: 'admin' },
    }),
    { method: 'get', access: 'read', path: '/deployments', handler: async (req, res) => void res.json(await registry.deployments.matrix(validateInput(matrixQuery, req.query, 'query'))) },
    {
      method: 'get',
      access: 'read',
      path: '/contracts/{contract}/deployments',
      handler: async (req, res) => void res.json(await registry.deployments.history(param(req, 'contract'), validateInput(pageQuery, req.query, 'query'))),
    },
    {
      method: 'post',
      access: 'deployment.record',
      path: '/contracts/{contract}/deployments',
      handler: async (req, res) => {
        const deployment = await registry.deployments.record({ ...validateInput(deploymentCreate, req.body), contract: param(req, 'contract') }, actorOf(res));
        res.status(201).json(deployment);
      },
    },
  ];
}
