import { defineRule } from '../rule.js';

export const responseUniqueItemsChanged = defineRule({
  id: 'response-unique-items-changed',
  level: 'warn',
  taxonomy: { direction: 'response', area: 'schema', kind: 'unique-items', action: 'changed' },
  on: 'schema.unique-items.changed',
  when: (c) => c.direction === 'response' && !c.to,
  message: (c) => `response array items are no longer guaranteed unique at ${c.pointer}`,
  why: 'Clients that treat the array as a set may miscount or misbehave on repeated items.',
});
