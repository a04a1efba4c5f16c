import { describeSchemes } from '../describe-schemes.js';
import { defineRule } from '../rule.js';

export const securityRequirementRemoved = defineRule({
  id: 'security-requirement-removed',
  level: 'info',
  taxonomy: { direction: 'none', area: 'security', kind: 'requirement', action: 'removed' },
  on: 'security-requirement.removed',
  when: (c) => c.stillSatisfied,
  message: (c) => `${c.operation} no longer requires ${describeSchemes(c.schemes)} in full`,
  why: 'Callers still satisfy a remaining, less demanding alternative.',
});
