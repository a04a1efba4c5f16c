import { describeValues } from '../describe-values.js';
import { defineRule } from '../rule.js';

export const requestEnumBecameClosed = defineRule({
  id: 'request-enum-became-closed',
  level: 'error',
  taxonomy: { direction: 'request', area: 'schema', kind: 'enum', action: 'became-closed' },
  on: 'schema.enum.became-closed',
  when: (c) => c.direction === 'request',
  message: (c) => `request extensible enum at ${c.pointer} became a closed enum of ${describeValues(c.values)}`,
  why: 'Clients sending any value outside the list, which the extensible enum admitted, are rejected.',
});
