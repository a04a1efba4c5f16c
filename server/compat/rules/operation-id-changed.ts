import { defineRule } from '../rule.js';

export const operationIdChanged = defineRule({
  id: 'operation-id-changed',
  level: 'info',
  taxonomy: { direction: 'none', area: 'operations', kind: 'operation-id', action: 'changed' },
  on: 'operation.id-changed',
  message: (c) => `the operationId of ${c.operation} changed from ${c.from ?? 'none'} to ${c.to ?? 'none'}`,
  why: 'Nothing changes on the wire, but clients generated from the document rename the method and fail to compile until callers follow.',
});
