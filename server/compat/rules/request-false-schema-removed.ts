import { defineRule } from '../rule.js';

export const requestFalseSchemaRemoved = defineRule({
  id: 'request-false-schema-removed',
  level: 'info',
  taxonomy: { direction: 'request', area: 'schema', kind: 'false-schema', action: 'removed' },
  on: 'schema.false.removed',
  when: (c) => c.direction === 'request',
  message: (c) => `request schema at ${c.pointer} is no longer false and admits values`,
  why: 'Clients may now send values where none were accepted; nothing they sent before is rejected.',
});
