import { defineRule } from '../rule.js';

export const operationDeprecated = defineRule({
  id: 'operation-deprecated',
  level: 'info',
  taxonomy: { direction: 'none', area: 'operations', kind: 'operation', action: 'deprecated' },
  on: 'operation.deprecated',
  message: (c) => `operation ${c.operation} was deprecated`,
  why: 'Nothing breaks yet, but clients should plan to stop calling the operation before it is removed.',
});
