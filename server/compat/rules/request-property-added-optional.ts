import { defineRule } from '../rule.js';

export const requestPropertyAddedOptional = defineRule({
  id: 'request-property-added-optional',
  level: 'info',
  taxonomy: { direction: 'request', area: 'schema', kind: 'property', action: 'added' },
  on: 'schema.property.added',
  when: (c) => c.direction === 'request' && !c.required && !c.readOnly,
  message: (c) => `optional request property "${c.property}" was added at ${c.pointer}`,
  why: 'Clients that do not send the property keep working.',
});
