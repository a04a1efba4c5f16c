import { defineRule } from '../rule.js';

export const requestFormatChanged = defineRule({
  id: 'request-format-changed',
  level: 'error',
  taxonomy: { direction: 'request', area: 'schema', kind: 'format', action: 'changed' },
  on: 'schema.format.changed',
  when: (c) => c.direction === 'request' && c.from !== undefined && c.to !== undefined,
  message: (c) => `request format changed from ${c.from} to ${c.to} at ${c.pointer}`,
  why: 'Values clients send in the old format may not be valid in the new one, as date and date-time share no value.',
});
