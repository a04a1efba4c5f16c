import { describeConstraint } from '../describe-constraint.js';
import { defineRule } from '../rule.js';

export const requestConstraintLoosened = defineRule({
  id: 'request-constraint-loosened',
  level: 'info',
  taxonomy: { direction: 'request', area: 'schema', kind: 'constraint', action: 'loosened' },
  on: 'schema.constraint.changed',
  when: (c) => c.direction === 'request' && c.change === 'loosened',
  message: (c) => `request ${describeConstraint(c)} was loosened at ${c.pointer}`,
  why: 'The API accepts more than before; every request that was valid still is.',
});
