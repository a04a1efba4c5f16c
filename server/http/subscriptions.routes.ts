import type { Registry } from '../registry/index.js';
import { actorOf, param } from './request-context.js';
import type { Route } from './route.js';
import { subscriptionCreate, subscriptionDecision, subscriptionQuery } from './schemas.js';
import { validateInput } from './validate-input.js';

export function subscriptionRoutes(registry: Registry): Route[] {
  const decision = (verb: 'approve' | 'reject' | 'revoke'): Route => ({
    method: 'post',
    // Revoking is open to either side (owner maintainers and consumer members); the registry decides which.
    access: verb === 'revoke' ? 'signed-in' : 'subscription.decide',
    path: `/subscriptions/{subscription}/${verb}`,
    handler: async (req, res) => {
      const body = validateInput(subscriptionDecision, req.body);
      res.json(await registry.subscriptions[verb](param(req, 'subscription'), actorOf(res), body?.note));
    },
  });
  return [
    {
      method: 'get',
      access: 'read',
      path: '/contracts/{contract}/subscriptions',
      handler: async (req, res) => void res.json(await registry.subscriptions.list({ ...validateInput(subscriptionQuery, req.query, 'query'), contract: param(req, 'contract') })),
    },
    {
      method: 'post',
      access: 'subscription.request',
      path: '/contracts/{contract}/subscriptions',
      handler: async (req, res) => {
        const subscription = await registry.subscriptions.request({ ...validateInput(subscriptionCreate, req.body), contract: param(req, 'contract') }, actorOf(res));
        res.status(201).location(`/api/v1/subscriptions/${subscription.id}`).json(subscription);
      },
    },
    { method: 'get', access: 'read', path: '/subscriptions/{subscription}', handler: async (req, res) => void res.json(await registry.subscriptions.get(param(req, 'subscription'))) },
    decision('approve'),
    decision('reject'),
    decision('revoke'),
  ];
}
