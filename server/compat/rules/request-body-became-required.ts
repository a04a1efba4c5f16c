import { describeOperations } from '../describe-operations.js';
import { defineRule } from '../rule.js';

export const requestBodyBecameRequired = defineRule({
  id: 'request-body-became-required',
  level: 'error',
  taxonomy: { direction: 'request', area: 'request-body', kind: 'body', action: 'became-required' },
  on: 'request-body.became-required',
  when: (c) => c.direction === 'request',
  message: (c) => `the request body of ${describeOperations(c.operations)} became required`,
  why: 'Clients that call the operation without a body are now rejected.',
});
