import { describeOperations } from '../describe-operations.js';
import { defineRule } from '../rule.js';

export const responseOptionalHeaderAdded = defineRule({
  id: 'response-optional-header-added',
  level: 'info',
  taxonomy: { direction: 'response', area: 'responses', kind: 'optional-header', action: 'added' },
  on: 'response.header.added',
  when: (c) => c.direction === 'response' && !c.required,
  message: (c) => `optional header ${c.name} was added to the ${c.status} response of ${describeOperations(c.operations)}`,
  why: 'Clients ignore headers they do not know.',
});
