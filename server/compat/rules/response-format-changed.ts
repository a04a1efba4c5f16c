import { defineRule } from '../rule.js';

export const responseFormatChanged = defineRule({
  id: 'response-format-changed',
  level: 'warn',
  taxonomy: { direction: 'response', area: 'schema', kind: 'format', action: 'changed' },
  on: 'schema.format.changed',
  when: (c) => c.direction === 'response',
  message: (c) => `response format changed from ${c.from ?? 'none'} to ${c.to ?? 'none'} at ${c.pointer}`,
  why: 'Clients parsing values in the old format may fail on the new one.',
});
