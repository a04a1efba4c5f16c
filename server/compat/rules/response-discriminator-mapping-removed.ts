import { defineRule } from '../rule.js';

export const responseDiscriminatorMappingRemoved = defineRule({
  id: 'response-discriminator-mapping-removed',
  level: 'info',
  taxonomy: { direction: 'response', area: 'schema', kind: 'discriminator-mapping', action: 'removed' },
  on: 'schema.discriminator.mapping-removed',
  when: (c) => c.direction === 'response',
  message: (c) => `response discriminator value "${c.value}" (${c.target}) was removed at ${c.pointer}`,
  why: 'Clients receive fewer kinds of variant, and code handling the removed one simply goes unused.',
});
