import { z } from 'zod';
import { MAX_USAGE_DAYS, type Registry } from '../registry/index.js';
import { actorOf, param } from './request-context.js';
import type { Route } from './route.js';
import { validateInput } from './validate-input.js';

const consumer = z.string().min(1).max(100);
const usageQuery = z.strictObject({ days: z.coerce.number().int().min(1).max(MAX_USAGE_DAYS).optional(), env: z.string().min(1).max(100).optional() });
const usagePatch = z.strictObject({ gating: z.enum(['standard', 'usage-aware']).optional(), days: z.number().int().min(1).max(MAX_USAGE_DAYS).optional(), threshold: z.number().int().min(1).max(1_000_000_000).optional() });
const exclusionCreate = z.strictObject({ consumer, reason: z.string().trim().min(1, 'say why this consumer\'s traffic is not use').max(2000) });
const exclusionWithdraw = z.strictObject({ consumer });
const slug = z.string().min(1).max(100);
const canIDeployQuestion = z.union([z.strictObject({ contract: slug, version: z.string().min(1).max(64), environment: slug }), z.strictObject({ system: slug, environment: slug })]);

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
