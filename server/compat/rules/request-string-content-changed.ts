import { defineRule } from '../rule.js';

export const requestStringContentChanged = defineRule({
  id: 'request-string-content-changed',
  level: 'warn',
  taxonomy: { direction: 'request', area: 'schema', kind: 'string-content', action: 'changed' },
  on: 'schema.string-content.changed',
  when: (c) => c.direction === 'request',
  message: (c) => `request ${c.keyword} changed from ${c.from ?? 'none'} to ${c.to ?? 'none'} at ${c.pointer}`,
  why: 'Clients encoding the string the old way may send content the server cannot decode.',
});
