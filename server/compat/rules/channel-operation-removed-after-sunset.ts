import { defineRule } from '../rule.js';

export const channelOperationRemovedAfterSunset = defineRule({
  id: 'channel-operation-removed-after-sunset',
  level: 'info',
  taxonomy: { direction: 'none', area: 'operations', kind: 'channel-operation', action: 'removed-after-sunset' },
  on: 'channel-operation.removed',
  when: (c) => c.deprecated && c.sunsetPassed,
  message: (c) => `deprecated operation ${c.operation} was removed after its sunset on ${c.sunset}`,
  why: 'Clients had until the announced sunset to migrate, so the removal keeps the promise made to them.',
});
