import { defineRule } from '../rule.js';

export const webhookAdded = defineRule({
  id: 'webhook-added',
  level: 'info',
  taxonomy: { direction: 'none', area: 'webhooks', kind: 'webhook', action: 'added' },
  on: 'webhook.added',
  message: (c) => `webhook ${c.webhook} now sends ${c.operation.split(' ').pop()} requests`,
  why: 'Receivers get a new kind of event only once they subscribe to it or route it.',
});
