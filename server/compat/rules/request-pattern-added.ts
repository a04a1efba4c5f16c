import { defineRule } from '../rule.js';

export const requestPatternAdded = defineRule({
  id: 'request-pattern-added',
  level: 'error',
  taxonomy: { direction: 'request', area: 'schema', kind: 'pattern', action: 'added' },
  on: 'schema.pattern.changed',
  when: (c) => c.direction === 'request' && c.from === undefined,
  message: (c) => `request pattern ${c.to} was added at ${c.pointer}`,
  why: 'A pattern where there was none only narrows what is accepted, so values clients send may now be rejected.',
});
