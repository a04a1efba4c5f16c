import { describeValues } from '../describe-values.js';
import { defineRule } from '../rule.js';

export const requestEnumBecameExtensible = defineRule({
  id: 'request-enum-became-extensible',
  level: 'info',
  taxonomy: { direction: 'request', area: 'schema', kind: 'enum', action: 'became-extensible' },
  on: 'schema.enum.became-extensible',
  when: (c) => c.direction === 'request',
  message: (c) => `request enum at ${c.pointer} became extensible (x-extensible-enum ${describeValues(c.values)})`,
  why: 'Clients may keep sending the listed values; the server only announces that the list may grow.',
});
