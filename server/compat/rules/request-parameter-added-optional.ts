import { describeOperations } from '../describe-operations.js';
import { defineRule } from '../rule.js';

export const requestParameterAddedOptional = defineRule({
  id: 'request-parameter-added-optional',
  level: 'info',
  taxonomy: { direction: 'request', area: 'parameters', kind: 'parameter', action: 'added' },
  on: 'parameter.added',
  when: (c) => c.direction === 'request' && !c.required,
  message: (c) => `optional ${c.location} parameter "${c.name}" was added to ${describeOperations(c.operations)}`,
  why: 'Clients that do not send an optional parameter keep working as before.',
});
