import { defineRule } from '../rule.js';

export const requestFormatAdded = defineRule({
  id: 'request-format-added',
  level: 'error',
  taxonomy: { direction: 'request', area: 'schema', kind: 'format', action: 'added' },
  on: 'schema.format.changed',
  when: (c) => c.direction === 'request' && c.from === undefined,
  message: (c) => `request format ${c.to} was added at ${c.pointer}`,
  why: 'A format where there was none only narrows what is accepted, so values clients send may now be rejected.',
});
