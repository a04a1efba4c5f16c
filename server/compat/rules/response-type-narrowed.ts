import { describeTypes } from '../describe-types.js';
import { typesAdded, typesRemoved } from '../type-set.js';
import { defineRule } from '../rule.js';

export const responseTypeNarrowed = defineRule({
  id: 'response-type-narrowed',
  level: 'info',
  taxonomy: { direction: 'response', area: 'schema', kind: 'type', action: 'narrowed' },
  on: 'schema.type.changed',
  when: (c) => c.direction === 'response' && typesRemoved(c.from, c.to).length > 0 && typesAdded(c.from, c.to).length === 0,
  message: (c) => `response type narrowed from ${describeTypes(c.from)} to ${describeTypes(c.to)} at ${c.pointer}`,
  why: 'Clients receive a subset of the values they already handle.',
});
