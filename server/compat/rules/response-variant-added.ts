import { defineRule } from '../rule.js';

export const responseVariantAdded = defineRule({
  id: 'response-variant-added',
  level: 'error',
  taxonomy: { direction: 'response', area: 'schema', kind: 'variant', action: 'added' },
  on: 'schema.variant.added',
  when: (c) => c.direction === 'response',
  message: (c) => `response ${c.keyword} member ${c.variant} was added at ${c.pointer}`,
  why: 'Clients may receive a shape they were never promised and do not know how to handle.',
});
