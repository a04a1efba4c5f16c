import { defineRule } from '../rule.js';

export const responseNotChanged = defineRule({
  id: 'response-not-changed',
  level: 'warn',
  taxonomy: { direction: 'response', area: 'schema', kind: 'not', action: 'changed' },
  on: 'schema.not.changed',
  when: (c) => c.direction === 'response',
  message: (c) => `response not-schema changed at ${c.pointer}`,
  why: 'Clients may receive values the old not-schema excluded, and which values those are is not analysed.',
});
