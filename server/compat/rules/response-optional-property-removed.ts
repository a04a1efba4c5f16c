import { defineRule } from '../rule.js';

export const responseOptionalPropertyRemoved = defineRule({
  id: 'response-optional-property-removed',
  level: 'warn',
  taxonomy: { direction: 'response', area: 'schema', kind: 'optional-property', action: 'removed' },
  on: 'schema.property.removed',
  when: (c) => c.direction === 'response' && !c.required && !c.writeOnly,
  message: (c) => `optional response property "${c.property}" was removed at ${c.pointer}`,
  why: 'Clients should cope with an optional property being absent, but those that used it lose the data.',
});
