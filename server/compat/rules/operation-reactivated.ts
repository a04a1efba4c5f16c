import { defineRule } from '../rule.js';

export const operationReactivated = defineRule({
  id: 'operation-reactivated',
  level: 'info',
  taxonomy: { direction: 'none', area: 'operations', kind: 'operation', action: 'reactivated' },
  on: 'operation.reactivated',
  message: (c) => `operation ${c.operation} is no longer deprecated`,
  why: 'Withdrawing a deprecation removes a warning and breaks no one.',
});
