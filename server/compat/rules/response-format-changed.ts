import { defineRule } from '../rule.js';

export const responseFormatChanged = defineRule({
  id: 'response-format-changed',
  level: 'error',
  taxonomy: { direction: 'response', area: 'schema', kind: 'format', action: 'changed' },
  on: 'schema.format.changed',
  when: (c) => c.direction === 'response' && c.from !== undefined && c.to !== undefined,
  message: (c) => `response format changed from ${c.from} to ${c.to} at ${c.pointer}`,
  why: 'Clients parsing values in the old format fail on the new one, as a date-time parser fails on a date.',
});
