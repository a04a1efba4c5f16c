import { defineRule } from '../rule.js';

export const requestPatternChanged = defineRule({
  id: 'request-pattern-changed',
  level: 'warn',
  taxonomy: { direction: 'request', area: 'schema', kind: 'pattern', action: 'changed' },
  on: 'schema.pattern.changed',
  when: (c) => c.direction === 'request' && c.from !== undefined && c.to !== undefined,
  message: (c) => `request pattern changed from ${c.from} to ${c.to} at ${c.pointer}`,
  why: 'Values clients send may no longer match the new pattern and be rejected.',
});
