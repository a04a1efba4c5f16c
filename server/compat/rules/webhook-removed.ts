import { defineRule } from '../rule.js';

export const webhookRemoved = defineRule({
  id: 'webhook-removed',
  level: 'error',
  taxonomy: { direction: 'none', area: 'webhooks', kind: 'webhook', action: 'removed' },
  on: 'webhook.removed',
  // A deprecated webhook is judged against its sunset instead.
  when: (c) => !c.deprecated,
  message: (c) => `webhook ${c.webhook} no longer sends ${c.operation.split(' ').pop()} requests`,
  why: 'Receivers stop getting the events they act on, silently: nothing fails on their side, their data just goes stale.',
});
