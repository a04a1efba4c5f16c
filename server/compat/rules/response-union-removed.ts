import { defineRule } from '../rule.js';

export const responseUnionRemoved = defineRule({
  id: 'response-union-removed',
  level: 'error',
  taxonomy: { direction: 'response', area: 'schema', kind: 'union', action: 'removed' },
  on: 'schema.union.removed',
  when: (c) => c.direction === 'response',
  message: (c) => `response no longer has to match one of the ${c.keyword} alternatives ${c.variants.join(', ')}, removed from beside its other keywords at ${c.pointer}`,
  why: 'Clients that rely on a response matching one of the alternatives may receive one that matches none of them.',
});
