import { defineRule } from '../rule.js';

export const responsePropertyBecameRequired = defineRule({
  id: 'response-property-became-required',
  level: 'info',
  taxonomy: { direction: 'response', area: 'schema', kind: 'property', action: 'became-required' },
  on: 'schema.property.became-required',
  when: (c) => c.direction === 'response' && !c.writeOnly,
  message: (c) => `response property "${c.property}" became required at ${c.pointer}`,
  why: 'A property that is now always present is one clients already handle.',
});
