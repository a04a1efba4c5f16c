import { defineRule } from '../rule.js';

export const webhookRemovedBeforeSunset = defineRule({
  id: 'webhook-removed-before-sunset',
  level: 'error',
  taxonomy: { direction: 'none', area: 'webhooks', kind: 'webhook', action: 'removed-before-sunset' },
  on: 'webhook.removed',
  when: (c) => c.deprecated && !c.sunsetPassed,
  message: (c) => `deprecated webhook ${c.webhook} no longer sends ${c.operation.split(' ').pop()} requests, ${c.sunset === undefined ? 'without announcing a sunset' : `before its sunset on ${c.sunset}`}`,
  why: 'Receivers were told the events would come until the sunset, and those still relying on them silently stop getting them.',
});
