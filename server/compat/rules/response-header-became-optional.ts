import { describeOperations } from '../describe-operations.js';
import { defineRule } from '../rule.js';

export const responseHeaderBecameOptional = defineRule({
  id: 'response-header-became-optional',
  level: 'error',
  taxonomy: { direction: 'response', area: 'responses', kind: 'header', action: 'became-optional' },
  on: 'response.header.became-optional',
  when: (c) => c.direction === 'response',
  message: (c) => `header ${c.name} of the ${c.status} response of ${describeOperations(c.operations)} became optional`,
  why: 'Clients that rely on the header being present may now find it missing.',
});
