import type { Registry } from '../registry/index.js';
import { actorOf, param } from './request-context.js';
import type { Route } from './route.js';
import { canIDeployQuestion, exclusionCreate, exclusionWithdraw, usagePatch, usageQuery } from './schemas.js';
import { validateInput } from './validate-input.js';

/** Observed usage of a contract, its usage-aware gating settings, and whether a deployment is safe. */
export function usageRoutes(registry: Registry): Route[] {
  return [
    {
      method: 'get',
      access: 'read',
      path: '/contracts/{contract}/usage',
      handler: async (req, res) => {
        const { days, env } = validateInput(usageQuery, req.query, 'query');
        res.json(await registry.usage.report(param(req, 'contract'), { days, environment: env }));
      },
    },
    { method: 'get', access: 'read', path: '/contracts/{contract}/usage/settings', handler: async (req, res) => void res.json(await registry.usage.settings(param(req, 'contract'))) },
    {
      method: 'patch',
      access: 'contract.manage',
      path: '/contracts/{contract}/usage/settings',
      handler: async (req, res) => void res.json(await registry.usage.configure(param(req, 'contract'), validateInput(usagePatch, req.body), actorOf(res))),
    },
    {
      method: 'post',
      access: 'contract.manage',
      path: '/contracts/{contract}/usage/exclusions',
      handler: async (req, res) => void res.json(await registry.usage.exclude(param(req, 'contract'), validateInput(exclusionCreate, req.body), actorOf(res))),
    },
    {
      method: 'post',
      access: 'contract.manage',
      path: '/contracts/{contract}/usage/exclusions/withdraw',
      handler: async (req, res) => void res.json(await registry.usage.include(param(req, 'contract'), validateInput(exclusionWithdraw, req.body).consumer, actorOf(res))),
    },
    { method: 'post', access: 'read', path: '/can-i-deploy', handler: async (req, res) => void res.json(await registry.canIDeploy.ask(validateInput(canIDeployQuestion, req.body))) },
  ];
}
