import { defineRule } from '../rule.js';

export const channelOperationRemovedBeforeSunset = defineRule({
  id: 'channel-operation-removed-before-sunset',
  level: 'error',
  taxonomy: { direction: 'none', area: 'operations', kind: 'channel-operation', action: 'removed-before-sunset' },
  on: 'channel-operation.removed',
  when: (c) => c.deprecated && !c.sunsetPassed,
  message: (c) => `deprecated operation ${c.operation} was removed ${c.sunset === undefined ? 'without announcing a sunset' : `before its sunset on ${c.sunset}`}`,
  why: 'Clients were told they had until the sunset to migrate, and those still subscribed lose the stream or find nothing consuming what they publish.',
});
