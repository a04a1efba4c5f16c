import { defineRule } from '../rule.js';

export const requestPropertyRemoved = defineRule({
  id: 'request-property-removed',
  level: 'warn',
  taxonomy: { direction: 'request', area: 'schema', kind: 'property', action: 'removed' },
  on: 'schema.property.removed',
  when: (c) => c.direction === 'request' && !c.readOnly,
  message: (c) => `request property "${c.property}" was removed at ${c.pointer}`,
  why: 'Clients still sending the property may see it ignored, or rejected where extra properties are refused.',
});
