import { defineRule } from '../rule.js';

export const requestNotChanged = defineRule({
  id: 'request-not-changed',
  level: 'warn',
  taxonomy: { direction: 'request', area: 'schema', kind: 'not', action: 'changed' },
  on: 'schema.not.changed',
  when: (c) => c.direction === 'request',
  message: (c) => `request not-schema changed at ${c.pointer}`,
  why: 'Clients sending values the new not-schema excludes are rejected, and which values those are is not analysed.',
});
