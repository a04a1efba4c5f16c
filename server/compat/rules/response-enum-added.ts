import { describeValues } from '../describe-values.js';
import { defineRule } from '../rule.js';

export const responseEnumAdded = defineRule({
  id: 'response-enum-added',
  level: 'info',
  taxonomy: { direction: 'response', area: 'schema', kind: 'enum', action: 'added' },
  on: 'schema.enum.added',
  when: (c) => c.direction === 'response',
  message: (c) => `response values restricted to ${describeValues(c.values)} at ${c.pointer}`,
  why: 'Clients receive a subset of the values they already handle.',
});
