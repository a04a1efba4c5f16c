import { defineRule } from '../rule.js';

export const messageCorrelationIdChanged = defineRule({
  id: 'message-correlation-id-changed',
  level: 'warn',
  taxonomy: { direction: 'none', area: 'messages', kind: 'correlation-id', action: 'changed' },
  on: 'message.correlation-id.changed',
  message: (c) => `message ${c.message} moved its correlation id from ${c.from} to ${c.to}`,
  why: 'Clients reading or writing the correlation id at the old location lose the link between related messages.',
});
