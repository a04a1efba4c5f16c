import { describeOperations } from '../describe-operations.js';
import { defineRule } from '../rule.js';

export const requestBodyRemoved = defineRule({
  id: 'request-body-removed',
  level: 'error',
  taxonomy: { direction: 'request', area: 'request-body', kind: 'body', action: 'removed' },
  on: 'request-body.removed',
  when: (c) => c.direction === 'request',
  message: (c) => `the request body of ${describeOperations(c.operations)} was removed`,
  why: 'Clients still send the body, and the server now ignores what it says or rejects the request.',
});
