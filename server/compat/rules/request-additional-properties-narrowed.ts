import { defineRule } from '../rule.js';

export const requestAdditionalPropertiesNarrowed = defineRule({
  id: 'request-additional-properties-narrowed',
  level: 'error',
  taxonomy: { direction: 'request', area: 'schema', kind: 'additional-properties', action: 'narrowed' },
  on: 'schema.additional-properties.narrowed',
  when: (c) => c.direction === 'request',
  message: (c) => `request additional properties narrowed from ${c.from} to ${c.to} at ${c.pointer}`,
  why: 'Clients sending properties beyond the declared ones are now rejected.',
});
