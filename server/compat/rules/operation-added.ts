import { defineRule } from '../rule.js';

export const operationAdded = defineRule({
  id: 'operation-added',
  level: 'info',
  taxonomy: { direction: 'none', area: 'operations', kind: 'operation', action: 'added' },
  on: 'operation.added',
  message: (c) => `operation ${c.operation} was added`,
  why: 'A new operation is only used by clients that choose to call it.',
});
