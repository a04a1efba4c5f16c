import { defineRule } from '../rule.js';

export const channelOperationAdded = defineRule({
  id: 'channel-operation-added',
  level: 'info',
  taxonomy: { direction: 'none', area: 'operations', kind: 'channel-operation', action: 'added' },
  on: 'channel-operation.added',
  message: (c) => `operation ${c.operation} was added`,
  why: 'Existing clients are unaffected; the application only sends or receives more.',
});
