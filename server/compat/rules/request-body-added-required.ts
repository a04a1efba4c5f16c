import { describeOperations } from '../describe-operations.js';
import { defineRule } from '../rule.js';

export const requestBodyAddedRequired = defineRule({
  id: 'request-body-added-required',
  level: 'error',
  taxonomy: { direction: 'request', area: 'request-body', kind: 'body', action: 'added' },
  on: 'request-body.added',
  when: (c) => c.direction === 'request' && c.required,
  message: (c) => `a required request body was added to ${describeOperations(c.operations)}`,
  why: 'Existing clients send no body, so their requests are now rejected.',
});
