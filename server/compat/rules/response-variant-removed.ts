import { defineRule } from '../rule.js';

export const responseVariantRemoved = defineRule({
  id: 'response-variant-removed',
  level: 'info',
  taxonomy: { direction: 'response', area: 'schema', kind: 'variant', action: 'removed' },
  on: 'schema.variant.removed',
  when: (c) => c.direction === 'response',
  message: (c) => `response ${c.keyword} member ${c.variant} was removed at ${c.pointer}`,
  why: 'Clients receive a subset of the shapes they already handle.',
});
