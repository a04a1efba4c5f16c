import { defineRule } from '../rule.js';

export const responseMultipleOfChanged = defineRule({
  id: 'response-multiple-of-changed',
  level: 'warn',
  taxonomy: { direction: 'response', area: 'schema', kind: 'multiple-of', action: 'changed' },
  on: 'schema.multiple-of.changed',
  when: (c) => c.direction === 'response' && c.change !== 'tightened',
  message: (c) => `response multipleOf changed from ${c.from ?? 'none'} to ${c.to ?? 'none'} at ${c.pointer}`,
  why: 'Clients that rely on values being multiples of the old step may receive values that are not.',
});
