import { describeSchemes } from '../describe-schemes.js';
import { defineRule } from '../rule.js';

export const securityRequirementRemoved = defineRule({
  id: 'security-requirement-removed',
  level: 'info',
  taxonomy: { direction: 'none', area: 'security', kind: 'requirement', action: 'removed' },
  on: 'security-requirement.removed',
  message: (c) => {
    const kept = c.schemes.filter((scheme) => !c.removed.includes(scheme));
    return `${c.operation} no longer requires ${describeSchemes(c.removed)}${kept.length > 0 ? ` alongside ${describeSchemes(kept)}` : ''}`;
  },
  why: 'Callers still qualify: what they present is now more than enough.',
});
