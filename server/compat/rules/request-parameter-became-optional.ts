import { describeOperations } from '../describe-operations.js';
import { defineRule } from '../rule.js';

export const requestParameterBecameOptional = defineRule({
  id: 'request-parameter-became-optional',
  level: 'info',
  taxonomy: { direction: 'request', area: 'parameters', kind: 'parameter', action: 'became-optional' },
  on: 'parameter.became-optional',
  when: (c) => c.direction === 'request',
  message: (c) => `${c.location} parameter "${c.name}" of ${describeOperations(c.operations)} became optional`,
  why: 'Clients that send the parameter keep working; others may now omit it.',
});
