import { describeValues } from '../describe-values.js';
import { defineRule } from '../rule.js';

export const requestEnumValueAdded = defineRule({
  id: 'request-enum-value-added',
  level: 'info',
  taxonomy: { direction: 'request', area: 'schema', kind: 'enum-value', action: 'added' },
  on: 'schema.enum.values-added',
  when: (c) => c.direction === 'request',
  message: (c) => `request enum values ${describeValues(c.values)} were added at ${c.pointer}`,
  why: 'Every value clients sent before is still accepted.',
});
