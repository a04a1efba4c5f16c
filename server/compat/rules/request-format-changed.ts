import { defineRule } from '../rule.js';

export const requestFormatChanged = defineRule({
  id: 'request-format-changed',
  level: 'warn',
  taxonomy: { direction: 'request', area: 'schema', kind: 'format', action: 'changed' },
  on: 'schema.format.changed',
  when: (c) => c.direction === 'request',
  message: (c) => `request format changed from ${c.from ?? 'none'} to ${c.to ?? 'none'} at ${c.pointer}`,
  why: 'Values clients send in the old format may now fail validation.',
});
