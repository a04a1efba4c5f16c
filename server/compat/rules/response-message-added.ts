import { defineRule } from '../rule.js';

export const responseMessageAdded = defineRule({
  id: 'response-message-added',
  level: 'warn',
  taxonomy: { direction: 'response', area: 'messages', kind: 'message', action: 'added' },
  on: 'message.added',
  when: (c) => c.direction === 'response',
  message: (c) => `${c.operation} may now also send message ${c.message}`,
  why: 'Consumers may receive a kind of message they do not know and fail to decode or handle it.',
});
