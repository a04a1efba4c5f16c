import { defineRule } from '../rule.js';

export const responseAdditionalPropertiesNarrowed = defineRule({
  id: 'response-additional-properties-narrowed',
  level: 'info',
  taxonomy: { direction: 'response', area: 'schema', kind: 'additional-properties', action: 'narrowed' },
  on: 'schema.additional-properties.narrowed',
  when: (c) => c.direction === 'response',
  message: (c) => `response additional properties narrowed from ${c.from} to ${c.to} at ${c.pointer}`,
  why: 'Clients receive a subset of the objects they already handle.',
});
