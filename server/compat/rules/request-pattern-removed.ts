import { defineRule } from '../rule.js';

export const requestPatternRemoved = defineRule({
  id: 'request-pattern-removed',
  level: 'info',
  taxonomy: { direction: 'request', area: 'schema', kind: 'pattern', action: 'removed' },
  on: 'schema.pattern.changed',
  when: (c) => c.direction === 'request' && c.to === undefined,
  message: (c) => `request pattern ${c.from} was removed at ${c.pointer}`,
  why: 'Every value clients sent before is still accepted.',
});
