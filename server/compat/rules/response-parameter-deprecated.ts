import { describeOperations } from '../describe-operations.js';
import { defineRule } from '../rule.js';

export const responseParameterDeprecated = defineRule({
  id: 'response-parameter-deprecated',
  level: 'info',
  taxonomy: { direction: 'response', area: 'parameters', kind: 'parameter', action: 'deprecated' },
  on: 'parameter.deprecated',
  when: (c) => c.direction === 'response',
  message: (c) => `${c.location} parameter "${c.name}" sent to receivers of ${describeOperations(c.operations)} was deprecated${c.sunset === undefined ? '' : `, sunset on ${c.sunset}`}`,
  why: 'Nothing breaks yet, but receivers should stop relying on the parameter before it is no longer sent.',
});
