import { defineRule } from '../rule.js';

export const callbackRemovedBeforeSunset = defineRule({
  id: 'callback-removed-before-sunset',
  level: 'error',
  taxonomy: { direction: 'none', area: 'callbacks', kind: 'callback', action: 'removed-before-sunset' },
  on: 'callback.removed',
  when: (c) => c.deprecated && !c.sunsetPassed,
  message: (c) =>
    `${c.owner} no longer calls back deprecated ${c.operation.slice(c.owner.length + ' callback '.length)}, ${c.sunset === undefined ? 'without announcing a sunset' : `before its sunset on ${c.sunset}`}`,
  why: 'Clients were told the callback would come until the sunset, and those still relying on it wait for a request that never comes.',
});
