import { defineRule } from '../rule.js';

export const requestUnionAdded = defineRule({
  id: 'request-union-added',
  level: 'error',
  taxonomy: { direction: 'request', area: 'schema', kind: 'union', action: 'added' },
  on: 'schema.union.added',
  when: (c) => c.direction === 'request',
  message: (c) => `request must now also match one of the ${c.keyword} alternatives ${c.variants.join(', ')}, added beside its other keywords at ${c.pointer}`,
  why: 'Requests must now also match one of the alternatives, so some that were valid are rejected.',
});
