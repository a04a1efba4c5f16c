import { defineRule } from '../rule.js';

export const requestBodyRemoved = defineRule({
  id: 'request-body-removed',
  level: 'warn',
  taxonomy: { direction: 'request', area: 'request-body', kind: 'body', action: 'removed' },
  on: 'request-body.removed',
  when: (c) => c.direction === 'request',
  message: (c) => `the request body of ${c.operation} was removed`,
  why: 'Clients still sending a body may see it ignored or the request rejected.',
});
