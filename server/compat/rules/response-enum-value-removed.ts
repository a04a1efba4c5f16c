import { describeValues } from '../describe-values.js';
import { defineRule } from '../rule.js';

export const responseEnumValueRemoved = defineRule({
  id: 'response-enum-value-removed',
  level: 'info',
  taxonomy: { direction: 'response', area: 'schema', kind: 'enum-value', action: 'removed' },
  on: 'schema.enum.values-removed',
  when: (c) => c.direction === 'response',
  message: (c) => `response enum values ${describeValues(c.values)} were removed at ${c.pointer}`,
  why: 'Clients receive a subset of the values they already handle.',
});
