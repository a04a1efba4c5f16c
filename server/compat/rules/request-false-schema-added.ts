import { defineRule } from '../rule.js';

export const requestFalseSchemaAdded = defineRule({
  id: 'request-false-schema-added',
  level: 'error',
  taxonomy: { direction: 'request', area: 'schema', kind: 'false-schema', action: 'added' },
  on: 'schema.false.added',
  when: (c) => c.direction === 'request',
  message: (c) => `request schema became false, admitting no value, at ${c.pointer}`,
  why: 'Clients sending any value at this location are rejected.',
});
