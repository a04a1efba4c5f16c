import { defineRule } from '../rule.js';

export const responseDependentRequiredAdded = defineRule({
  id: 'response-dependent-required-added',
  level: 'info',
  taxonomy: { direction: 'response', area: 'schema', kind: 'dependent-required', action: 'added' },
  on: 'schema.dependent-required.added',
  when: (c) => c.direction === 'response',
  message: (c) => `response property "${c.property}" now comes with ${c.requires.join(', ')} at ${c.pointer}`,
  why: 'Clients receive the companions whenever the property is present, which only gives them more.',
});
