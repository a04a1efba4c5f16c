import { describeTypes } from '../describe-types.js';
import { typesAdded, typesRemoved } from '../type-set.js';
import { defineRule } from '../rule.js';

export const requestTypeWidened = defineRule({
  id: 'request-type-widened',
  level: 'info',
  taxonomy: { direction: 'request', area: 'schema', kind: 'type', action: 'widened' },
  on: 'schema.type.changed',
  when: (c) => c.direction === 'request' && typesAdded(c.from, c.to).length > 0 && typesRemoved(c.from, c.to).length === 0,
  message: (c) => `request type widened from ${describeTypes(c.from)} to ${describeTypes(c.to)} at ${c.pointer}`,
  why: 'Every value clients sent before is still accepted.',
});
