import { defineRule } from '../rule.js';

export const responsePatternRemoved = defineRule({
  id: 'response-pattern-removed',
  level: 'warn',
  taxonomy: { direction: 'response', area: 'schema', kind: 'pattern', action: 'removed' },
  on: 'schema.pattern.changed',
  when: (c) => c.direction === 'response' && c.to === undefined,
  message: (c) => `response pattern ${c.from} was removed at ${c.pointer}`,
  why: 'Clients that rely on the old pattern may receive values that no longer match it.',
});
