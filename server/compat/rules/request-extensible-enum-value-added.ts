import { describeValues } from '../describe-values.js';
import { defineRule } from '../rule.js';

export const requestExtensibleEnumValueAdded = defineRule({
  id: 'request-extensible-enum-value-added',
  level: 'info',
  taxonomy: { direction: 'request', area: 'schema', kind: 'extensible-enum-value', action: 'added' },
  on: 'schema.extensible-enum.values-added',
  when: (c) => c.direction === 'request',
  message: (c) => `request extensible enum values ${describeValues(c.values)} were added at ${c.pointer}`,
  why: 'Every value clients sent before is still understood.',
});
