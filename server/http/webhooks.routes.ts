import type { Webhooks } from '../notify/index.js';
import { actorOf, param } from './request-context.js';
import type { Route } from './route.js';
import { pageQuery, webhookCreate } from './schemas.js';
import { validateInput } from './validate-input.js';

/**
 * Webhook endpoints and their delivery logs. All of it needs the right to manage the owning team's
 * webhooks, reading included: URLs and delivery logs are configuration, not catalog data.
 */
export function webhookRoutes(webhooks: Webhooks): Route[] {
  return [
    {
      method: 'post',
      access: 'webhook.manage',
      path: '/systems/{system}/webhooks',
      handler: async (req, res) => {
        const created = await webhooks.create(param(req, 'system'), validateInput(webhookCreate, req.body), actorOf(res));
        // The secret is in this answer and nowhere else: no cache may keep it.
        res.status(201).location(`/api/v1/webhooks/${created.id}`).set('cache-control', 'no-store').json(created);
      },
    },
    { method: 'get', access: 'webhook.manage', path: '/systems/{system}/webhooks', handler: async (req, res) => void res.json(await webhooks.list(param(req, 'system'), actorOf(res))) },
    { method: 'get', access: 'webhook.manage', path: '/webhooks/{webhook}', handler: async (req, res) => void res.json(await webhooks.get(param(req, 'webhook'), actorOf(res))) },
    { method: 'post', access: 'webhook.manage', path: '/webhooks/{webhook}/disable', handler: async (req, res) => void res.json(await webhooks.disable(param(req, 'webhook'), actorOf(res))) },
    {
      method: 'post',
      access: 'webhook.manage',
      path: '/webhooks/{webhook}/rotate-secret',
      handler: async (req, res) => void res.set('cache-control', 'no-store').json(await webhooks.rotateSecret(param(req, 'webhook'), actorOf(res))),
    },
    {
      method: 'get',
      access: 'webhook.manage',
      path: '/webhooks/{webhook}/deliveries',
      handler: async (req, res) => void res.json(await webhooks.deliveries(param(req, 'webhook'), validateInput(pageQuery, req.query, 'query'), actorOf(res))),
    },
    { method: 'post', access: 'webhook.manage', path: '/webhooks/{webhook}/test', handler: async (req, res) => void res.status(202).json(await webhooks.test(param(req, 'webhook'), actorOf(res))) },
  ];
}
