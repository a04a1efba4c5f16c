import { defineRule } from '../rule.js';

export const responseFalseSchemaAdded = defineRule({
  id: 'response-false-schema-added',
  level: 'warn',
  taxonomy: { direction: 'response', area: 'schema', kind: 'false-schema', action: 'added' },
  on: 'schema.false.added',
  when: (c) => c.direction === 'response',
  message: (c) => `response schema became false, so no value is sent, at ${c.pointer}`,
  why: 'Clients that read a value at this location will no longer find one.',
});
