import { defineRule } from '../rule.js';

export const requestPropertyAddedRequired = defineRule({
  id: 'request-property-added-required',
  level: 'error',
  taxonomy: { direction: 'request', area: 'schema', kind: 'property', action: 'added' },
  on: 'schema.property.added',
  when: (c) => c.direction === 'request' && c.required && !c.readOnly,
  message: (c) => `required request property "${c.property}" was added at ${c.pointer}`,
  why: 'Existing clients do not send the new property, so their requests are now rejected.',
});
