import { defineRule } from '../rule.js';

export const requestMultipleOfChanged = defineRule({
  id: 'request-multiple-of-changed',
  level: 'error',
  taxonomy: { direction: 'request', area: 'schema', kind: 'multiple-of', action: 'changed' },
  on: 'schema.multiple-of.changed',
  when: (c) => c.direction === 'request' && c.change !== 'loosened',
  message: (c) => `request multipleOf changed from ${c.from ?? 'none'} to ${c.to ?? 'none'} at ${c.pointer}`,
  why: 'Clients sending a number that was a multiple of the old step but is not one of the new step are rejected.',
});
