import { describeTypes } from '../describe-types.js';
import { typesAdded, typesRemoved } from '../type-set.js';
import { defineRule } from '../rule.js';

export const responseTypeWidened = defineRule({
  id: 'response-type-widened',
  level: 'error',
  taxonomy: { direction: 'response', area: 'schema', kind: 'type', action: 'widened' },
  on: 'schema.type.changed',
  when: (c) => c.direction === 'response' && typesAdded(c.from, c.to).length > 0 && typesRemoved(c.from, c.to).length === 0,
  message: (c) => `response type widened from ${describeTypes(c.from)} to ${describeTypes(c.to)} at ${c.pointer}`,
  why: 'Clients may now receive a type of value their parsers and models do not expect.',
});
