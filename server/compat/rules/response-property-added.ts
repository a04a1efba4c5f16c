import { defineRule } from '../rule.js';

export const responsePropertyAdded = defineRule({
  id: 'response-property-added',
  level: 'info',
  taxonomy: { direction: 'response', area: 'schema', kind: 'property', action: 'added' },
  on: 'schema.property.added',
  when: (c) => c.direction === 'response' && !c.writeOnly,
  message: (c) => `response property "${c.property}" was added at ${c.pointer}`,
  why: 'Clients ignore properties they do not know.',
});
