import { defineRule } from '../rule.js';

export const responseDiscriminatorPropertyChanged = defineRule({
  id: 'response-discriminator-property-changed',
  level: 'error',
  taxonomy: { direction: 'response', area: 'schema', kind: 'discriminator-property', action: 'changed' },
  on: 'schema.discriminator.property-changed',
  when: (c) => c.direction === 'response',
  message: (c) => `response discriminator property changed from "${c.from}" to "${c.to}" at ${c.pointer}`,
  why: 'Clients dispatching on the old property can no longer tell which variant they received.',
});
