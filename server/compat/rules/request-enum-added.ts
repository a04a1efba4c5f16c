import { describeValues } from '../describe-values.js';
import { defineRule } from '../rule.js';

export const requestEnumAdded = defineRule({
  id: 'request-enum-added',
  level: 'error',
  taxonomy: { direction: 'request', area: 'schema', kind: 'enum', action: 'added' },
  on: 'schema.enum.added',
  when: (c) => c.direction === 'request',
  message: (c) => `request values restricted to ${describeValues(c.values)} at ${c.pointer}`,
  why: 'Clients sending any value outside the new enum are rejected.',
});
