import type { Registry } from '../registry/index.js';
import { actorOf, param } from './request-context.js';
import type { Route } from './route.js';
import { deprecationCreate, operationDeprecationCreate, operationDeprecationWithdraw } from './schemas.js';
import { validateInput } from './validate-input.js';

/** Deprecating a contract, a version or single operations; each answers the contract's deprecations. */
export function deprecationRoutes(registry: Registry): Route[] {
  return [
    {
      method: 'post',
      access: 'contract.manage',
      path: '/contracts/{contract}/deprecate',
      handler: async (req, res) => void res.json(await registry.deprecations.deprecateContract({ ...validateInput(deprecationCreate, req.body), contract: param(req, 'contract') }, actorOf(res))),
    },
    {
      method: 'post',
      access: 'contract.manage',
      path: '/contracts/{contract}/versions/{version}/deprecate',
      handler: async (req, res) =>
        void res.json(await registry.deprecations.deprecateVersion({ ...validateInput(deprecationCreate, req.body), contract: param(req, 'contract'), version: param(req, 'version') }, actorOf(res))),
    },
    {
      method: 'post',
      access: 'contract.manage',
      path: '/contracts/{contract}/operations/deprecate',
      handler: async (req, res) => void res.json(await registry.deprecations.deprecateOperations({ ...validateInput(operationDeprecationCreate, req.body), contract: param(req, 'contract') }, actorOf(res))),
    },
    {
      method: 'post',
      access: 'contract.manage',
      path: '/contracts/{contract}/operations/undeprecate',
      handler: async (req, res) => void res.json(await registry.deprecations.undeprecateOperations({ ...validateInput(operationDeprecationWithdraw, req.body), contract: param(req, 'contract') }, actorOf(res))),
    },
    { method: 'get', access: 'read', path: '/contracts/{contract}/deprecations', handler: async (req, res) => void res.json(await registry.deprecations.get(param(req, 'contract'))) },
  ];
}
