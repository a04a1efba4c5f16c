import { defineRule } from '../rule.js';

export const requestMessageRemoved = defineRule({
  id: 'request-message-removed',
  level: 'error',
  taxonomy: { direction: 'request', area: 'messages', kind: 'message', action: 'removed' },
  on: 'message.removed',
  when: (c) => c.direction === 'request',
  message: (c) => `${c.operation} no longer accepts message ${c.message}`,
  why: 'Clients still publishing that message have it rejected or left unprocessed by the application.',
});
