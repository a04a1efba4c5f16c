import { defineRule } from '../rule.js';

export const responsePropertyRemoved = defineRule({
  id: 'response-property-removed',
  level: 'error',
  taxonomy: { direction: 'response', area: 'schema', kind: 'property', action: 'removed' },
  on: 'schema.property.removed',
  when: (c) => c.direction === 'response' && c.required && !c.writeOnly,
  message: (c) => `required response property "${c.property}" was removed at ${c.pointer}`,
  why: 'Clients reading the property, which was always present, now find it missing.',
});
