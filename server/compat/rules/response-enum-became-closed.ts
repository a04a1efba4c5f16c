import { describeValues } from '../describe-values.js';
import { defineRule } from '../rule.js';

export const responseEnumBecameClosed = defineRule({
  id: 'response-enum-became-closed',
  level: 'info',
  taxonomy: { direction: 'response', area: 'schema', kind: 'enum', action: 'became-closed' },
  on: 'schema.enum.became-closed',
  when: (c) => c.direction === 'response',
  message: (c) => `response extensible enum at ${c.pointer} became a closed enum of ${describeValues(c.values)}`,
  why: 'Clients already handle values they do not know, and now receive only listed ones.',
});
