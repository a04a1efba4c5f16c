import { describeOperations } from '../describe-operations.js';
import { defineRule } from '../rule.js';

export const responseHeaderBecameRequired = defineRule({
  id: 'response-header-became-required',
  level: 'info',
  taxonomy: { direction: 'response', area: 'responses', kind: 'header', action: 'became-required' },
  on: 'response.header.became-required',
  when: (c) => c.direction === 'response',
  message: (c) => `header ${c.name} of the ${c.status} response of ${describeOperations(c.operations)} became required`,
  why: 'A header that is now always sent is still one clients could handle before.',
});
