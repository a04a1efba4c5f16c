import { describeTypes } from '../describe-types.js';
import { typesAdded, typesRemoved } from '../type-set.js';
import { defineRule } from '../rule.js';

/** Neither type set contains the other, as `number` → `string`: a swap, not a narrowing plus a widening. */
export const requestTypeChanged = defineRule({
  id: 'request-type-changed',
  level: 'error',
  taxonomy: { direction: 'request', area: 'schema', kind: 'type', action: 'changed' },
  on: 'schema.type.changed',
  when: (c) => c.direction === 'request' && typesAdded(c.from, c.to).length > 0 && typesRemoved(c.from, c.to).length > 0,
  message: (c) => `request type changed from ${describeTypes(c.from)} to ${describeTypes(c.to)} at ${c.pointer}`,
  why: 'Clients sending a value of a type no longer admitted are rejected, whatever the new type accepts instead.',
});
