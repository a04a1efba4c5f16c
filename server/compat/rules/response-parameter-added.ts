import { describeOperations } from '../describe-operations.js';
import { defineRule } from '../rule.js';

export const responseParameterAdded = defineRule({
  id: 'response-parameter-added',
  level: 'info',
  taxonomy: { direction: 'response', area: 'parameters', kind: 'parameter', action: 'added' },
  on: 'parameter.added',
  when: (c) => c.direction === 'response',
  message: (c) => `${c.location} parameter "${c.name}" is now sent to receivers of ${describeOperations(c.operations)}`,
  why: 'Receivers ignore parameters they do not read.',
});
