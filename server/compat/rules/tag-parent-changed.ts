import { defineRule } from '../rule.js';

export const tagParentChanged = defineRule({
  id: 'tag-parent-changed',
  level: 'info',
  taxonomy: { direction: 'none', area: 'tags', kind: 'tag-parent', action: 'changed' },
  on: 'tag.parent-changed',
  message: (c) => (c.to === undefined ? `tag "${c.tag}" is no longer nested under "${c.from}"` : c.from === undefined ? `tag "${c.tag}" is now nested under "${c.to}"` : `tag "${c.tag}" moved from under "${c.from}" to under "${c.to}"`),
  why: 'Tags group operations in documentation; moving one in the tree changes where readers find its operations, not how they are called.',
});
