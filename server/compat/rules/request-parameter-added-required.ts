import { describeOperations } from '../describe-operations.js';
import { defineRule } from '../rule.js';

export const requestParameterAddedRequired = defineRule({
  id: 'request-parameter-added-required',
  level: 'error',
  taxonomy: { direction: 'request', area: 'parameters', kind: 'parameter', action: 'added' },
  on: 'parameter.added',
  when: (c) => c.direction === 'request' && c.required,
  message: (c) => `required ${c.location} parameter "${c.name}" was added to ${describeOperations(c.operations)}`,
  why: 'Existing clients do not send the new parameter, so their requests are now rejected.',
});
