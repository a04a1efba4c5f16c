import { describeSchemes } from '../describe-schemes.js';
import { defineRule } from '../rule.js';

export const securityAlternativeRemoved = defineRule({
  id: 'security-alternative-removed',
  level: 'error',
  taxonomy: { direction: 'none', area: 'security', kind: 'alternative', action: 'removed' },
  on: 'security-alternative.removed',
  message: (c) => `${c.operation} no longer accepts ${describeSchemes(c.schemes)}`,
  why: 'Callers authenticating this way are now refused with 401 or 403.',
});
