import { describeOperations } from '../describe-operations.js';
import { defineRule } from '../rule.js';

export const requestBodyAddedOptional = defineRule({
  id: 'request-body-added-optional',
  level: 'info',
  taxonomy: { direction: 'request', area: 'request-body', kind: 'body', action: 'added' },
  on: 'request-body.added',
  when: (c) => c.direction === 'request' && !c.required,
  message: (c) => `an optional request body was added to ${describeOperations(c.operations)}`,
  why: 'Clients that send no body keep working.',
});
