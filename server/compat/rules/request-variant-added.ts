import { defineRule } from '../rule.js';

export const requestVariantAdded = defineRule({
  id: 'request-variant-added',
  level: 'info',
  taxonomy: { direction: 'request', area: 'schema', kind: 'variant', action: 'added' },
  on: 'schema.variant.added',
  when: (c) => c.direction === 'request',
  message: (c) => `request ${c.keyword} member ${c.variant} was added at ${c.pointer}`,
  why: 'Every shape clients sent before is still accepted.',
});
