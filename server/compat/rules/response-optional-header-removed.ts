import { describeOperations } from '../describe-operations.js';
import { defineRule } from '../rule.js';

export const responseOptionalHeaderRemoved = defineRule({
  id: 'response-optional-header-removed',
  level: 'warn',
  taxonomy: { direction: 'response', area: 'responses', kind: 'optional-header', action: 'removed' },
  on: 'response.header.removed',
  when: (c) => c.direction === 'response' && !c.required,
  message: (c) => `optional header ${c.name} was removed from the ${c.status} response of ${describeOperations(c.operations)}`,
  why: 'Clients should cope with an optional header being absent, but some read it whenever it was sent.',
});
