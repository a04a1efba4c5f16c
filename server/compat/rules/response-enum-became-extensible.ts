import { describeValues } from '../describe-values.js';
import { defineRule } from '../rule.js';

export const responseEnumBecameExtensible = defineRule({
  id: 'response-enum-became-extensible',
  level: 'error',
  taxonomy: { direction: 'response', area: 'schema', kind: 'enum', action: 'became-extensible' },
  on: 'schema.enum.became-extensible',
  when: (c) => c.direction === 'response',
  message: (c) => `response enum at ${c.pointer} became extensible (x-extensible-enum ${describeValues(c.values)})`,
  why: 'Clients with an exhaustive switch or a generated enum were promised these values only, and may now meet others in any minor version.',
});
