import { defineRule } from '../rule.js';

export const requestDependentRequiredAdded = defineRule({
  id: 'request-dependent-required-added',
  level: 'error',
  taxonomy: { direction: 'request', area: 'schema', kind: 'dependent-required', action: 'added' },
  on: 'schema.dependent-required.added',
  when: (c) => c.direction === 'request',
  message: (c) => `request property "${c.property}" now requires ${c.requires.join(', ')} at ${c.pointer}`,
  why: 'Clients sending the property without the newly required companions are rejected.',
});
