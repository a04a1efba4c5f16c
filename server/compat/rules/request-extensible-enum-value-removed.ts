import { describeValues } from '../describe-values.js';
import { defineRule } from '../rule.js';

export const requestExtensibleEnumValueRemoved = defineRule({
  id: 'request-extensible-enum-value-removed',
  level: 'error',
  taxonomy: { direction: 'request', area: 'schema', kind: 'extensible-enum-value', action: 'removed' },
  on: 'schema.extensible-enum.values-removed',
  when: (c) => c.direction === 'request',
  message: (c) => `request extensible enum values ${describeValues(c.values)} were removed at ${c.pointer}`,
  why: 'Clients still sending a removed value send one the server no longer understands; an extensible enum lets the server add values, not take them back.',
});
