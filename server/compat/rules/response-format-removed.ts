import { defineRule } from '../rule.js';

export const responseFormatRemoved = defineRule({
  id: 'response-format-removed',
  level: 'warn',
  taxonomy: { direction: 'response', area: 'schema', kind: 'format', action: 'removed' },
  on: 'schema.format.changed',
  when: (c) => c.direction === 'response' && c.to === undefined,
  message: (c) => `response format ${c.from} was removed at ${c.pointer}`,
  why: 'Clients that parse values in the old format may meet values that no longer follow it.',
});
