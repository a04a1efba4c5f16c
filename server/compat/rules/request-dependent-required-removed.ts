import { defineRule } from '../rule.js';

export const requestDependentRequiredRemoved = defineRule({
  id: 'request-dependent-required-removed',
  level: 'info',
  taxonomy: { direction: 'request', area: 'schema', kind: 'dependent-required', action: 'removed' },
  on: 'schema.dependent-required.removed',
  when: (c) => c.direction === 'request',
  message: (c) => `request property "${c.property}" no longer requires ${c.requires.join(', ')} at ${c.pointer}`,
  why: 'Clients may now omit the companions, and what they sent before is still accepted.',
});
