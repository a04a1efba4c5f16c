import { defineRule } from '../rule.js';

export const responseStringContentChanged = defineRule({
  id: 'response-string-content-changed',
  level: 'warn',
  taxonomy: { direction: 'response', area: 'schema', kind: 'string-content', action: 'changed' },
  on: 'schema.string-content.changed',
  when: (c) => c.direction === 'response',
  message: (c) => `response ${c.keyword} changed from ${c.from ?? 'none'} to ${c.to ?? 'none'} at ${c.pointer}`,
  why: 'Clients decoding the string the old way may misread its content.',
});
