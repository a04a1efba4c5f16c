import { describeOperations } from '../describe-operations.js';
import { defineRule } from '../rule.js';

export const requestParameterBecameRequired = defineRule({
  id: 'request-parameter-became-required',
  level: 'error',
  taxonomy: { direction: 'request', area: 'parameters', kind: 'parameter', action: 'became-required' },
  on: 'parameter.became-required',
  when: (c) => c.direction === 'request',
  message: (c) => `${c.location} parameter "${c.name}" of ${describeOperations(c.operations)} became required`,
  why: 'Clients that omit the parameter, as they were allowed to, now get their requests rejected.',
});
