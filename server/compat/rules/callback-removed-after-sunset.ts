import { defineRule } from '../rule.js';

export const callbackRemovedAfterSunset = defineRule({
  id: 'callback-removed-after-sunset',
  level: 'info',
  taxonomy: { direction: 'none', area: 'callbacks', kind: 'callback', action: 'removed-after-sunset' },
  on: 'callback.removed',
  when: (c) => c.deprecated && c.sunsetPassed,
  message: (c) => `${c.owner} no longer calls back deprecated ${c.operation.slice(c.owner.length + ' callback '.length)}, after its sunset on ${c.sunset}`,
  why: 'Clients had until the announced sunset to stop relying on the callback, so the removal keeps the promise made to them.',
});
