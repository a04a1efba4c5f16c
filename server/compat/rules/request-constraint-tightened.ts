import { describeConstraint } from '../describe-constraint.js';
import { defineRule } from '../rule.js';

export const requestConstraintTightened = defineRule({
  id: 'request-constraint-tightened',
  level: 'error',
  taxonomy: { direction: 'request', area: 'schema', kind: 'constraint', action: 'tightened' },
  on: 'schema.constraint.changed',
  when: (c) => c.direction === 'request' && c.change === 'tightened',
  message: (c) => `request ${describeConstraint(c)} was tightened at ${c.pointer}`,
  why: 'Requests that were valid may now be refused, so clients sending them break.',
});
