import { describeConstraint } from '../describe-constraint.js';
import { defineRule } from '../rule.js';

export const responseConstraintTightened = defineRule({
  id: 'response-constraint-tightened',
  level: 'info',
  taxonomy: { direction: 'response', area: 'schema', kind: 'constraint', action: 'tightened' },
  on: 'schema.constraint.changed',
  when: (c) => c.direction === 'response' && c.change === 'tightened',
  message: (c) => `response ${describeConstraint(c)} was tightened at ${c.pointer}`,
  why: 'Responses stay within what clients already handle.',
});
