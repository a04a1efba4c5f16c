import { describeOperations } from '../describe-operations.js';
import { defineRule } from '../rule.js';

export const responseRequestBodyAdded = defineRule({
  id: 'response-request-body-added',
  level: 'info',
  taxonomy: { direction: 'response', area: 'request-body', kind: 'body', action: 'added' },
  on: 'request-body.added',
  when: (c) => c.direction === 'response',
  message: (c) => `${describeOperations(c.operations)} now sends a request body to receivers`,
  why: 'Receivers that ignored the empty body can keep ignoring the new one.',
});
