import { describeValues } from '../describe-values.js';
import { defineRule } from '../rule.js';

export const responseExtensibleEnumValueAdded = defineRule({
  id: 'response-extensible-enum-value-added',
  level: 'info',
  taxonomy: { direction: 'response', area: 'schema', kind: 'extensible-enum-value', action: 'added' },
  on: 'schema.extensible-enum.values-added',
  when: (c) => c.direction === 'response',
  message: (c) => `response extensible enum values ${describeValues(c.values)} were added at ${c.pointer}`,
  why: 'Clients of an extensible enum must already handle values they do not know, which is what it promised them.',
});
