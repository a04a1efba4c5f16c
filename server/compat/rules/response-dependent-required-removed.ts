import { defineRule } from '../rule.js';

export const responseDependentRequiredRemoved = defineRule({
  id: 'response-dependent-required-removed',
  level: 'warn',
  taxonomy: { direction: 'response', area: 'schema', kind: 'dependent-required', action: 'removed' },
  on: 'schema.dependent-required.removed',
  when: (c) => c.direction === 'response',
  message: (c) => `response property "${c.property}" no longer guarantees ${c.requires.join(', ')} at ${c.pointer}`,
  why: 'Clients that expect the companions whenever the property is present may find them missing.',
});
