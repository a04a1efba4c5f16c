import { describeValues } from '../describe-values.js';
import { defineRule } from '../rule.js';

export const responseEnumValueAdded = defineRule({
  id: 'response-enum-value-added',
  level: 'error',
  taxonomy: { direction: 'response', area: 'schema', kind: 'enum-value', action: 'added' },
  on: 'schema.enum.values-added',
  when: (c) => c.direction === 'response',
  message: (c) => `response enum values ${describeValues(c.values)} were added at ${c.pointer}`,
  why: 'Clients with an exhaustive switch or a generated enum meet a value they were never promised and may fail on it.',
});
