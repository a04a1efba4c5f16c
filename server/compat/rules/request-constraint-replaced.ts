import { describeConstraint } from '../describe-constraint.js';
import { defineRule } from '../rule.js';

export const requestConstraintReplaced = defineRule({
  id: 'request-constraint-replaced',
  level: 'warn',
  taxonomy: { direction: 'request', area: 'schema', kind: 'constraint', action: 'replaced' },
  on: 'schema.constraint.changed',
  when: (c) => c.direction === 'request' && c.change === 'replaced',
  message: (c) => `request ${describeConstraint(c)} was rewritten at ${c.pointer}`,
  why: 'The rewritten condition may refuse requests the old one accepted; which ones cannot be told without evaluating both.',
});
