import { defineRule } from '../rule.js';

export const responsePropertyBecameOptional = defineRule({
  id: 'response-property-became-optional',
  level: 'error',
  taxonomy: { direction: 'response', area: 'schema', kind: 'property', action: 'became-optional' },
  on: 'schema.property.became-optional',
  when: (c) => c.direction === 'response' && !c.writeOnly,
  message: (c) => `response property "${c.property}" became optional at ${c.pointer}`,
  why: 'Clients that rely on the property being present may now find it missing.',
});
