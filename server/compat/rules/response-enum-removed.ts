import { describeValues } from '../describe-values.js';
import { defineRule } from '../rule.js';

export const responseEnumRemoved = defineRule({
  id: 'response-enum-removed',
  level: 'warn',
  taxonomy: { direction: 'response', area: 'schema', kind: 'enum', action: 'removed' },
  on: 'schema.enum.removed',
  when: (c) => c.direction === 'response',
  message: (c) => `response values no longer restricted to ${describeValues(c.values)} at ${c.pointer}`,
  why: 'Clients with an exhaustive switch or a generated enum may receive values they do not know.',
});
