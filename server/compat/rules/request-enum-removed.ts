import { describeValues } from '../describe-values.js';
import { defineRule } from '../rule.js';

export const requestEnumRemoved = defineRule({
  id: 'request-enum-removed',
  level: 'info',
  taxonomy: { direction: 'request', area: 'schema', kind: 'enum', action: 'removed' },
  on: 'schema.enum.removed',
  when: (c) => c.direction === 'request',
  message: (c) => `request values no longer restricted to ${describeValues(c.values)} at ${c.pointer}`,
  why: 'Every value clients sent before is still accepted.',
});
