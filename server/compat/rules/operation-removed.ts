import { defineRule } from '../rule.js';

export const operationRemoved = defineRule({
  id: 'operation-removed',
  level: 'error',
  taxonomy: { direction: 'none', area: 'operations', kind: 'operation', action: 'removed' },
  on: 'operation.removed',
  when: (c) => !c.deprecated,
  message: (c) => `operation ${c.operation} was removed`,
  why: 'Clients calling the operation now get 404 or 405 instead of an answer.',
});
