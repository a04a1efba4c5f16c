import { defineRule } from '../rule.js';

export const requestMessageAdded = defineRule({
  id: 'request-message-added',
  level: 'info',
  taxonomy: { direction: 'request', area: 'messages', kind: 'message', action: 'added' },
  on: 'message.added',
  when: (c) => c.direction === 'request',
  message: (c) => `${c.operation} now also accepts message ${c.message}`,
  why: 'Clients may publish one more kind of message, and what they already publish is still accepted.',
});
