import { defineRule } from '../rule.js';

export const responseDiscriminatorMappingAdded = defineRule({
  id: 'response-discriminator-mapping-added',
  level: 'warn',
  taxonomy: { direction: 'response', area: 'schema', kind: 'discriminator-mapping', action: 'added' },
  on: 'schema.discriminator.mapping-added',
  when: (c) => c.direction === 'response',
  message: (c) => `response discriminator value "${c.value}" (${c.target}) was added at ${c.pointer}`,
  why: 'Clients may receive a variant whose discriminator value they do not know and fail to dispatch it.',
});
