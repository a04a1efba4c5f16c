import { describeSchemes } from '../describe-schemes.js';
import { defineRule } from '../rule.js';

export const securityAlternativeAdded = defineRule({
  id: 'security-alternative-added',
  level: 'info',
  taxonomy: { direction: 'none', area: 'security', kind: 'alternative', action: 'added' },
  on: 'security-alternative.added',
  message: (c) => `${c.operation} now also accepts ${describeSchemes(c.schemes)}`,
  why: 'A new way of calling the operation only adds to the ways callers may authenticate.',
});
