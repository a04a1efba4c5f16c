import { z } from 'zod';
import type { Traffic } from '../traffic/index.js';
import { trafficWindowSchema } from '../shared/traffic-window-schema.js';
import { instant } from './instant.js';
import { actorOf, param } from './request-context.js';
import type { Route } from './route.js';
import { validateInput } from './validate-input.js';

const MAX_WINDOWS = 100;
const windowBatch = z.strictObject({ windows: z.array(trafficWindowSchema).min(1).max(MAX_WINDOWS) });
const environmentSlug = z.string().min(1).max(100);
const trafficQuery = z.strictObject({ env: environmentSlug, from: instant({ dates: true }).optional(), to: instant({ dates: true }).optional() });
const mttrQuery = z.strictObject({ env: environmentSlug.optional(), from: instant({ dates: true }).optional(), to: instant({ dates: true }).optional() });
const incidentQuery = z.strictObject({
  contract: z.string().min(1).max(100).optional(),
  env: environmentSlug.optional(),
  open: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
const sloPatch = z
  .strictObject({
    p95Ms: z.number().positive().max(3_600_000),
    errorRate: z.number().min(0).max(1),
    windowSeconds: z.number().int().min(1).max(86_400 * 30),
    openAfter: z.number().int().min(1).max(1000),
    resolveAfter: z.number().int().min(1).max(1000),
  })
  .partial();

export function trafficRoutes(traffic: Traffic): Route[] {
  return [
    {
      method: 'post',
      access: 'traffic.write',
      path: '/traffic/windows',
      accepts: 'windows',
      handler: async (req, res) => {
        const batch = typeof req.body === 'object' && req.body !== null && 'windows' in req.body;
        const windows = batch ? validateInput(windowBatch, req.body).windows : [validateInput(trafficWindowSchema, req.body)];
        const results = await traffic.ingest(windows, actorOf(res), (i) => (batch ? `/windows/${i}` : ''));
        const accepted = results.some((r) => r.status === 'accepted');
        // 202: counted now, and reflected in objectives and incidents; 200: nothing new was counted.
        res.status(accepted ? 202 : 200);
        if (batch) res.json({ status: accepted ? 'accepted' : 'duplicate', windows: results.map((r) => ({ id: r.id, status: r.status })) });
        else res.json({ id: results[0]!.id, status: results[0]!.status });
      },
    },
    {
      method: 'get',
      access: 'read',
      path: '/contracts/{contract}/traffic',
      handler: async (req, res) => {
        const { env, from, to } = validateInput(trafficQuery, req.query, 'query');
        res.json(await traffic.report(param(req, 'contract'), env, { from, to }));
      },
    },
    {
      method: 'get',
      access: 'read',
      path: '/contracts/{contract}/mttr',
      handler: async (req, res) => {
        const { env, from, to } = validateInput(mttrQuery, req.query, 'query');
        res.json(await traffic.meanTimeToRecover(param(req, 'contract'), { environment: env, from, to }));
      },
    },
    {
      method: 'get',
      access: 'read',
      path: '/incidents',
      handler: async (req, res) => {
        const { contract, env, open, limit } = validateInput(incidentQuery, req.query, 'query');
        res.json({ items: await traffic.incidents.list({ ...(contract && { contract }), ...(env && { environment: env }), ...(open !== undefined && { open }), ...(limit && { limit }) }) });
      },
    },
    { method: 'get', access: 'read', path: '/contracts/{contract}/slos/{environment}', handler: async (req, res) => void res.json(await traffic.slos.get(param(req, 'contract'), param(req, 'environment'))) },
    {
      method: 'patch',
      access: 'contract.manage',
      path: '/contracts/{contract}/slos/{environment}',
      handler: async (req, res) => {
        const patch = validateInput(sloPatch, req.body);
        res.json(await traffic.slos.set(param(req, 'contract'), param(req, 'environment'), patch, actorOf(res)));
      },
    },
    {
      method: 'get',
      access: 'read',
      path: '/contracts/{contract}/slos/{environment}/prometheus-rules',
      handler: async (req, res) => {
        const rules = await traffic.slos.prometheusRules(param(req, 'contract'), param(req, 'environment'));
        res.type('application/yaml').send(rules);
      },
    },
    {
      method: 'get',
      access: 'read',
      path: '/contracts/{contract}/slos/{environment}/grafana-dashboard',
      handler: async (req, res) => void res.json(await traffic.slos.grafanaDashboard(param(req, 'contract'), param(req, 'environment'))),
    },
  ];
}
