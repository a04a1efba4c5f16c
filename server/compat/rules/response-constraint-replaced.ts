import { describeConstraint } from '../describe-constraint.js';
import { defineRule } from '../rule.js';

export const responseConstraintReplaced = defineRule({
  id: 'response-constraint-replaced',
  level: 'warn',
  taxonomy: { direction: 'response', area: 'schema', kind: 'constraint', action: 'replaced' },
  on: 'schema.constraint.changed',
  when: (c) => c.direction === 'response' && c.change === 'replaced',
  message: (c) => `response ${describeConstraint(c)} was rewritten at ${c.pointer}`,
  why: 'Responses may now carry values the old condition ruled out; which ones cannot be told without evaluating both.',
});
