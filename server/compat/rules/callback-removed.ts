import { defineRule } from '../rule.js';

export const callbackRemoved = defineRule({
  id: 'callback-removed',
  level: 'error',
  taxonomy: { direction: 'none', area: 'callbacks', kind: 'callback', action: 'removed' },
  on: 'callback.removed',
  // A deprecated callback is judged against its sunset instead.
  when: (c) => !c.deprecated,
  message: (c) => `${c.owner} no longer calls back ${c.operation.slice(c.owner.length + ' callback '.length)}`,
  why: 'Clients that registered for the callback wait for a request that never comes.',
});
