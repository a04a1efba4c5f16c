import { defineRule } from '../rule.js';

export const requestPropertyBecameOptional = defineRule({
  id: 'request-property-became-optional',
  level: 'info',
  taxonomy: { direction: 'request', area: 'schema', kind: 'property', action: 'became-optional' },
  on: 'schema.property.became-optional',
  when: (c) => c.direction === 'request' && !c.readOnly,
  message: (c) => `request property "${c.property}" became optional at ${c.pointer}`,
  why: 'Clients that send the property keep working.',
});
