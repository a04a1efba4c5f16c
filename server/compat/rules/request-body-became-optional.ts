import { describeOperations } from '../describe-operations.js';
import { defineRule } from '../rule.js';

export const requestBodyBecameOptional = defineRule({
  id: 'request-body-became-optional',
  level: 'info',
  taxonomy: { direction: 'request', area: 'request-body', kind: 'body', action: 'became-optional' },
  on: 'request-body.became-optional',
  when: (c) => c.direction === 'request',
  message: (c) => `the request body of ${describeOperations(c.operations)} became optional`,
  why: 'Clients that send a body keep working.',
});
