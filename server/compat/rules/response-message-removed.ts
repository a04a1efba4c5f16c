import { defineRule } from '../rule.js';

export const responseMessageRemoved = defineRule({
  id: 'response-message-removed',
  level: 'warn',
  taxonomy: { direction: 'response', area: 'messages', kind: 'message', action: 'removed' },
  on: 'message.removed',
  when: (c) => c.direction === 'response',
  message: (c) => `${c.operation} no longer sends message ${c.message}`,
  why: 'Consumers still decode all they receive, but logic waiting for that kind of message never runs again.',
});
