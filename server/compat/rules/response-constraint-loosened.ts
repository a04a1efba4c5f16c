import { describeConstraint } from '../describe-constraint.js';
import { defineRule } from '../rule.js';

export const responseConstraintLoosened = defineRule({
  id: 'response-constraint-loosened',
  level: 'warn',
  taxonomy: { direction: 'response', area: 'schema', kind: 'constraint', action: 'loosened' },
  on: 'schema.constraint.changed',
  when: (c) => c.direction === 'response' && c.change === 'loosened',
  message: (c) => `response ${describeConstraint(c)} was loosened at ${c.pointer}`,
  why: 'Responses may now carry values the old constraint ruled out, which clients relying on it do not expect.',
});
