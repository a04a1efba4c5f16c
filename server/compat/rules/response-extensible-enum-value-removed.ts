import { describeValues } from '../describe-values.js';
import { defineRule } from '../rule.js';

export const responseExtensibleEnumValueRemoved = defineRule({
  id: 'response-extensible-enum-value-removed',
  level: 'info',
  taxonomy: { direction: 'response', area: 'schema', kind: 'extensible-enum-value', action: 'removed' },
  on: 'schema.extensible-enum.values-removed',
  when: (c) => c.direction === 'response',
  message: (c) => `response extensible enum values ${describeValues(c.values)} were removed at ${c.pointer}`,
  why: 'Clients receive a subset of the values they already handle.',
});
