import { defineRule } from '../rule.js';

export const channelOperationActionChanged = defineRule({
  id: 'channel-operation-action-changed',
  level: 'error',
  taxonomy: { direction: 'none', area: 'operations', kind: 'action', action: 'changed' },
  on: 'channel-operation.action.changed',
  message: (c) => `operation ${c.operation} became ${c.renamedTo}`,
  why: 'Clients that consumed what the application sent now wait for nothing, and clients that published to it now find no consumer.',
});
