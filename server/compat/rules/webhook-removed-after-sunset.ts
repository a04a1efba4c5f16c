import { defineRule } from '../rule.js';

export const webhookRemovedAfterSunset = defineRule({
  id: 'webhook-removed-after-sunset',
  level: 'info',
  taxonomy: { direction: 'none', area: 'webhooks', kind: 'webhook', action: 'removed-after-sunset' },
  on: 'webhook.removed',
  when: (c) => c.deprecated && c.sunsetPassed,
  message: (c) => `deprecated webhook ${c.webhook} no longer sends ${c.operation.split(' ').pop()} requests, after its sunset on ${c.sunset}`,
  why: 'Receivers had until the announced sunset to stop relying on the webhook, so the removal keeps the promise made to them.',
});
