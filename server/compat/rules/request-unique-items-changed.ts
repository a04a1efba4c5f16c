import { defineRule } from '../rule.js';

export const requestUniqueItemsChanged = defineRule({
  id: 'request-unique-items-changed',
  level: 'error',
  taxonomy: { direction: 'request', area: 'schema', kind: 'unique-items', action: 'changed' },
  on: 'schema.unique-items.changed',
  when: (c) => c.direction === 'request' && c.to,
  message: (c) => `request array items must now be unique at ${c.pointer}`,
  why: 'Clients sending an array with repeated items are rejected.',
});
