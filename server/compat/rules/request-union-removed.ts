import { defineRule } from '../rule.js';

export const requestUnionRemoved = defineRule({
  id: 'request-union-removed',
  level: 'info',
  taxonomy: { direction: 'request', area: 'schema', kind: 'union', action: 'removed' },
  on: 'schema.union.removed',
  when: (c) => c.direction === 'request',
  message: (c) => `request no longer has to match one of the ${c.keyword} alternatives ${c.variants.join(', ')}, removed from beside its other keywords at ${c.pointer}`,
  why: 'Every request that matched one of the alternatives still meets the keywords that remain.',
});
