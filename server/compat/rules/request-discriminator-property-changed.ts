import { defineRule } from '../rule.js';

export const requestDiscriminatorPropertyChanged = defineRule({
  id: 'request-discriminator-property-changed',
  level: 'error',
  taxonomy: { direction: 'request', area: 'schema', kind: 'discriminator-property', action: 'changed' },
  on: 'schema.discriminator.property-changed',
  when: (c) => c.direction === 'request',
  message: (c) => `request discriminator property changed from "${c.from}" to "${c.to}" at ${c.pointer}`,
  why: 'Clients naming the variant in the old property send payloads the server can no longer dispatch and rejects.',
});
