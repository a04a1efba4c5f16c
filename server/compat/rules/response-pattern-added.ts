import { defineRule } from '../rule.js';

export const responsePatternAdded = defineRule({
  id: 'response-pattern-added',
  level: 'info',
  taxonomy: { direction: 'response', area: 'schema', kind: 'pattern', action: 'added' },
  on: 'schema.pattern.changed',
  when: (c) => c.direction === 'response' && c.from === undefined,
  message: (c) => `response pattern ${c.to} was added at ${c.pointer}`,
  why: 'Clients receive a subset of the values they already handle.',
});
