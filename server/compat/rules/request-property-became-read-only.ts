import { defineRule } from '../rule.js';

export const requestPropertyBecameReadOnly = defineRule({
  id: 'request-property-became-read-only',
  level: 'warn',
  taxonomy: { direction: 'request', area: 'schema', kind: 'property', action: 'became-read-only' },
  on: 'schema.read-only.changed',
  when: (c) => c.direction === 'request' && c.to,
  message: (c) => `request property became read-only at ${c.pointer}`,
  why: 'Values clients send for a read-only property are ignored or rejected.',
});
