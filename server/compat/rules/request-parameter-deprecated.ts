import { describeOperations } from '../describe-operations.js';
import { defineRule } from '../rule.js';

export const requestParameterDeprecated = defineRule({
  id: 'request-parameter-deprecated',
  level: 'info',
  taxonomy: { direction: 'request', area: 'parameters', kind: 'parameter', action: 'deprecated' },
  on: 'parameter.deprecated',
  when: (c) => c.direction === 'request',
  message: (c) => `${c.location} parameter "${c.name}" of ${describeOperations(c.operations)} was deprecated${c.sunset === undefined ? '' : `, sunset on ${c.sunset}`}`,
  why: 'Nothing breaks yet, but clients should stop sending the parameter before it is removed.',
});
