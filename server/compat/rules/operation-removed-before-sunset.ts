import { defineRule } from '../rule.js';

export const operationRemovedBeforeSunset = defineRule({
  id: 'operation-removed-before-sunset',
  level: 'error',
  taxonomy: { direction: 'none', area: 'operations', kind: 'operation', action: 'removed-before-sunset' },
  on: 'operation.removed',
  when: (c) => c.deprecated && !c.sunsetPassed,
  message: (c) => `deprecated operation ${c.operation} was removed ${c.sunset === undefined ? 'without announcing a sunset' : `before its sunset on ${c.sunset}`}`,
  why: 'Clients were told they had until the sunset to migrate, and those still calling now get 404 or 405.',
});
