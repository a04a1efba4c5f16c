import { defineRule } from '../rule.js';

export const requestFormatRemoved = defineRule({
  id: 'request-format-removed',
  level: 'info',
  taxonomy: { direction: 'request', area: 'schema', kind: 'format', action: 'removed' },
  on: 'schema.format.changed',
  when: (c) => c.direction === 'request' && c.to === undefined,
  message: (c) => `request format ${c.from} was removed at ${c.pointer}`,
  why: 'Every value clients sent before is still accepted.',
});
