import { defineRule } from '../rule.js';

export const requestVariantRemoved = defineRule({
  id: 'request-variant-removed',
  level: 'error',
  taxonomy: { direction: 'request', area: 'schema', kind: 'variant', action: 'removed' },
  on: 'schema.variant.removed',
  when: (c) => c.direction === 'request',
  message: (c) => `request ${c.keyword} member ${c.variant} was removed at ${c.pointer}`,
  why: 'Clients sending data shaped like the removed member are rejected.',
});
