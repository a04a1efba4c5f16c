import { defineRule } from '../rule.js';

export const pathRemoved = defineRule({
  id: 'path-removed',
  level: 'error',
  taxonomy: { direction: 'none', area: 'paths', kind: 'path', action: 'removed' },
  on: 'path.removed',
  when: (c) => !c.deprecated,
  message: (c) => `path ${c.path} was removed with ${c.operations.join(', ')}`,
  why: 'Every client calling an operation under this path now gets 404 or 405.',
});
