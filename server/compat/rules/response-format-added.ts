import { defineRule } from '../rule.js';

export const responseFormatAdded = defineRule({
  id: 'response-format-added',
  level: 'info',
  taxonomy: { direction: 'response', area: 'schema', kind: 'format', action: 'added' },
  on: 'schema.format.changed',
  when: (c) => c.direction === 'response' && c.from === undefined,
  message: (c) => `response format ${c.to} was added at ${c.pointer}`,
  why: 'Clients receive values of the type they already handle, now described more precisely.',
});
