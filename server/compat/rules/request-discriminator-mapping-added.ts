import { defineRule } from '../rule.js';

export const requestDiscriminatorMappingAdded = defineRule({
  id: 'request-discriminator-mapping-added',
  level: 'info',
  taxonomy: { direction: 'request', area: 'schema', kind: 'discriminator-mapping', action: 'added' },
  on: 'schema.discriminator.mapping-added',
  when: (c) => c.direction === 'request',
  message: (c) => `request discriminator value "${c.value}" (${c.target}) was added at ${c.pointer}`,
  why: 'Clients may send the new discriminator value, and every value they sent before still maps.',
});
