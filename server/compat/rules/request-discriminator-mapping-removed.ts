import { defineRule } from '../rule.js';

export const requestDiscriminatorMappingRemoved = defineRule({
  id: 'request-discriminator-mapping-removed',
  level: 'error',
  taxonomy: { direction: 'request', area: 'schema', kind: 'discriminator-mapping', action: 'removed' },
  on: 'schema.discriminator.mapping-removed',
  when: (c) => c.direction === 'request',
  message: (c) => `request discriminator value "${c.value}" (${c.target}) was removed at ${c.pointer}`,
  why: 'Clients sending the removed discriminator value are rejected.',
});
