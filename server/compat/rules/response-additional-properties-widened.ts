import { defineRule } from '../rule.js';

export const responseAdditionalPropertiesWidened = defineRule({
  id: 'response-additional-properties-widened',
  level: 'warn',
  taxonomy: { direction: 'response', area: 'schema', kind: 'additional-properties', action: 'widened' },
  on: 'schema.additional-properties.widened',
  when: (c) => c.direction === 'response',
  message: (c) => `response additional properties widened from ${c.from} to ${c.to} at ${c.pointer}`,
  why: 'Clients that validate strictly or map into closed types may reject properties they were promised never to see.',
});
