import { defineRule } from '../rule.js';

export const responseFalseSchemaRemoved = defineRule({
  id: 'response-false-schema-removed',
  level: 'info',
  taxonomy: { direction: 'response', area: 'schema', kind: 'false-schema', action: 'removed' },
  on: 'schema.false.removed',
  when: (c) => c.direction === 'response',
  message: (c) => `response schema at ${c.pointer} is no longer false and may carry values`,
  why: 'Clients may receive a value where none was sent before, which tolerant readers ignore.',
});
