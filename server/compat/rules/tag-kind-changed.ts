import { defineRule } from '../rule.js';

export const tagKindChanged = defineRule({
  id: 'tag-kind-changed',
  level: 'info',
  taxonomy: { direction: 'none', area: 'tags', kind: 'tag-kind', action: 'changed' },
  on: 'tag.kind-changed',
  message: (c) => `tag "${c.tag}" changed kind from ${c.from === undefined ? 'none' : `"${c.from}"`} to ${c.to === undefined ? 'none' : `"${c.to}"`}`,
  why: 'A tag kind (nav, badge, audience) tells documentation tools how to show the tag; what clients send and receive stays the same.',
});
