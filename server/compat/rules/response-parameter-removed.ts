import { describeOperations } from '../describe-operations.js';
import { defineRule } from '../rule.js';

export const responseParameterRemoved = defineRule({
  id: 'response-parameter-removed',
  level: 'error',
  taxonomy: { direction: 'response', area: 'parameters', kind: 'parameter', action: 'removed' },
  on: 'parameter.removed',
  // A deprecated one is judged against its sunset instead.
  when: (c) => c.direction === 'response' && !c.deprecated,
  message: (c) => `${c.location} parameter "${c.name}" is no longer sent to receivers of ${describeOperations(c.operations)}`,
  why: 'Receivers of the webhook or callback that read the parameter no longer find it.',
});
