import { describeSchemes } from '../describe-schemes.js';
import { defineRule } from '../rule.js';

export const securityAlternativeAdded = defineRule({
  id: 'security-alternative-added',
  level: 'info',
  taxonomy: { direction: 'none', area: 'security', kind: 'alternative', action: 'added' },
  on: 'security-requirement.added',
  when: (c) => c.existingCallersSatisfied,
  message: (c) => `${c.operation} now also accepts ${describeSchemes(c.schemes)}`,
  why: 'Every way of calling the operation that worked before still works.',
});
