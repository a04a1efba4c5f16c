import { defineRule } from '../rule.js';

export const requestAdditionalPropertiesWidened = defineRule({
  id: 'request-additional-properties-widened',
  level: 'info',
  taxonomy: { direction: 'request', area: 'schema', kind: 'additional-properties', action: 'widened' },
  on: 'schema.additional-properties.widened',
  when: (c) => c.direction === 'request',
  message: (c) => `request additional properties widened from ${c.from} to ${c.to} at ${c.pointer}`,
  why: 'Every object clients sent before is still accepted.',
});
