import { describeTypes } from '../describe-types.js';
import { typesAdded, typesRemoved } from '../type-set.js';
import { defineRule } from '../rule.js';

export const requestTypeNarrowed = defineRule({
  id: 'request-type-narrowed',
  level: 'error',
  taxonomy: { direction: 'request', area: 'schema', kind: 'type', action: 'narrowed' },
  on: 'schema.type.changed',
  when: (c) => c.direction === 'request' && typesRemoved(c.from, c.to).length > 0 && typesAdded(c.from, c.to).length === 0,
  message: (c) => `request type narrowed from ${describeTypes(c.from)} to ${describeTypes(c.to)} at ${c.pointer}`,
  why: 'Clients sending a value of a type no longer admitted are rejected.',
});
