import { defineRule } from '../rule.js';

export const messageCorrelationIdAdded = defineRule({
  id: 'message-correlation-id-added',
  level: 'info',
  taxonomy: { direction: 'none', area: 'messages', kind: 'correlation-id', action: 'added' },
  on: 'message.correlation-id.added',
  message: (c) => `message ${c.message} now declares a correlation id at ${c.location}`,
  why: 'Nothing breaks; clients gain a documented way to relate messages to each other.',
});
