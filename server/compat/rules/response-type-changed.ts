import { describeTypes } from '../describe-types.js';
import { typesAdded, typesRemoved } from '../type-set.js';
import { defineRule } from '../rule.js';

/** Neither type set contains the other, as `number` → `string`: a swap, not a narrowing plus a widening. */
export const responseTypeChanged = defineRule({
  id: 'response-type-changed',
  level: 'error',
  taxonomy: { direction: 'response', area: 'schema', kind: 'type', action: 'changed' },
  on: 'schema.type.changed',
  when: (c) => c.direction === 'response' && typesAdded(c.from, c.to).length > 0 && typesRemoved(c.from, c.to).length > 0,
  message: (c) => `response type changed from ${describeTypes(c.from)} to ${describeTypes(c.to)} at ${c.pointer}`,
  why: 'Clients receive values of a type their parsers and models do not expect.',
});
