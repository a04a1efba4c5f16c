import { defineRule } from '../rule.js';

export const responsePatternChanged = defineRule({
  id: 'response-pattern-changed',
  level: 'warn',
  taxonomy: { direction: 'response', area: 'schema', kind: 'pattern', action: 'changed' },
  on: 'schema.pattern.changed',
  when: (c) => c.direction === 'response' && c.from !== undefined && c.to !== undefined,
  message: (c) => `response pattern changed from ${c.from} to ${c.to} at ${c.pointer}`,
  why: 'Clients that validate against the old pattern may reject values that now match only the new one.',
});
