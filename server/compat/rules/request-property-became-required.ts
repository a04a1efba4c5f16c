import { defineRule } from '../rule.js';

export const requestPropertyBecameRequired = defineRule({
  id: 'request-property-became-required',
  level: 'error',
  taxonomy: { direction: 'request', area: 'schema', kind: 'property', action: 'became-required' },
  on: 'schema.property.became-required',
  when: (c) => c.direction === 'request' && !c.readOnly,
  message: (c) => `request property "${c.property}" became required at ${c.pointer}`,
  why: 'Clients that omit the property, as they were allowed to, are now rejected.',
});
