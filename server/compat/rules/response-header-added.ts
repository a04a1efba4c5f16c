import { describeOperations } from '../describe-operations.js';
import { defineRule } from '../rule.js';

export const responseHeaderAdded = defineRule({
  id: 'response-header-added',
  level: 'info',
  taxonomy: { direction: 'response', area: 'responses', kind: 'header', action: 'added' },
  on: 'response.header.added',
  when: (c) => c.direction === 'response' && c.required,
  message: (c) => `required header ${c.name} was added to the ${c.status} response of ${describeOperations(c.operations)}`,
  why: 'Clients ignore headers they do not know.',
});
