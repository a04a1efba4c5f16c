import { describeOperations } from '../describe-operations.js';
import { defineRule } from '../rule.js';

export const responseHeaderRemoved = defineRule({
  id: 'response-header-removed',
  level: 'error',
  taxonomy: { direction: 'response', area: 'responses', kind: 'header', action: 'removed' },
  on: 'response.header.removed',
  when: (c) => c.direction === 'response' && c.required,
  message: (c) => `required header ${c.name} was removed from the ${c.status} response of ${describeOperations(c.operations)}`,
  why: 'Clients that read the header, which was promised, now find it missing.',
});
