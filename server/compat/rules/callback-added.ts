import { defineRule } from '../rule.js';

export const callbackAdded = defineRule({
  id: 'callback-added',
  level: 'info',
  taxonomy: { direction: 'none', area: 'callbacks', kind: 'callback', action: 'added' },
  on: 'callback.added',
  message: (c) => `${c.owner} now calls back ${c.operation.slice(c.owner.length + ' callback '.length)}`,
  why: 'A new callback only reaches clients that register a URL for it.',
});
