import { describeValues } from '../describe-values.js';
import { defineRule } from '../rule.js';

export const requestEnumValueRemoved = defineRule({
  id: 'request-enum-value-removed',
  level: 'error',
  taxonomy: { direction: 'request', area: 'schema', kind: 'enum-value', action: 'removed' },
  on: 'schema.enum.values-removed',
  when: (c) => c.direction === 'request',
  message: (c) => `request enum values ${describeValues(c.values)} were removed at ${c.pointer}`,
  why: 'Clients still sending a removed value are rejected.',
});
