import { describeSchemes } from '../describe-schemes.js';
import { defineRule } from '../rule.js';

export const securityRequirementAdded = defineRule({
  id: 'security-requirement-added',
  level: 'error',
  taxonomy: { direction: 'none', area: 'security', kind: 'requirement', action: 'added' },
  on: 'security-requirement.added',
  message: (c) => `${c.operation} now requires ${describeSchemes(c.added)}${c.schemes.length > 0 ? ` alongside ${describeSchemes(c.schemes)}` : ''}`,
  why: 'Callers that satisfied the old security requirements no longer qualify and get 401 or 403.',
});
