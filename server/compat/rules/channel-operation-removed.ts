import { defineRule } from '../rule.js';

export const channelOperationRemoved = defineRule({
  id: 'channel-operation-removed',
  level: 'error',
  taxonomy: { direction: 'none', area: 'operations', kind: 'channel-operation', action: 'removed' },
  on: 'channel-operation.removed',
  when: (c) => !c.deprecated,
  message: (c) => `operation ${c.operation} was removed`,
  why: 'Clients consuming what the application sent lose that stream, and messages clients publish for it to receive are no longer consumed.',
});
