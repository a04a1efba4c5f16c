import { defineRule } from '../rule.js';

export const responsePropertyBecameWriteOnly = defineRule({
  id: 'response-property-became-write-only',
  level: 'error',
  taxonomy: { direction: 'response', area: 'schema', kind: 'property', action: 'became-write-only' },
  on: 'schema.write-only.changed',
  when: (c) => c.direction === 'response' && c.to,
  message: (c) => `response property became write-only at ${c.pointer}`,
  why: 'Clients reading the property no longer receive it.',
});
