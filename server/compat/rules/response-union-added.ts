import { defineRule } from '../rule.js';

export const responseUnionAdded = defineRule({
  id: 'response-union-added',
  level: 'info',
  taxonomy: { direction: 'response', area: 'schema', kind: 'union', action: 'added' },
  on: 'schema.union.added',
  when: (c) => c.direction === 'response',
  message: (c) => `response must now also match one of the ${c.keyword} alternatives ${c.variants.join(', ')}, added beside its other keywords at ${c.pointer}`,
  why: 'Every response now matches one of the alternatives and still meets the keywords clients relied on.',
});
