import { defineRule } from '../rule.js';

export const requestPropertyRemoved = defineRule({
  id: 'request-property-removed',
  level: 'error',
  taxonomy: { direction: 'request', area: 'schema', kind: 'property', action: 'removed' },
  on: 'schema.property.removed',
  when: (c) => c.direction === 'request' && !c.readOnly,
  message: (c) => `request property "${c.property}" was removed at ${c.pointer}`,
  why: 'Clients still send the property, and the server now silently drops the value or, where extra properties are refused, rejects the request.',
});
