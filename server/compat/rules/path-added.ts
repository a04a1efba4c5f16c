import { defineRule } from '../rule.js';

export const pathAdded = defineRule({
  id: 'path-added',
  level: 'info',
  taxonomy: { direction: 'none', area: 'paths', kind: 'path', action: 'added' },
  on: 'path.added',
  message: (c) => `path ${c.path} was added`,
  why: 'A new path offers new operations and changes nothing for existing clients.',
});
