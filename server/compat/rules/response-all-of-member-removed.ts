import { defineRule } from '../rule.js';

export const responseAllOfMemberRemoved = defineRule({
  id: 'response-all-of-member-removed',
  level: 'error',
  taxonomy: { direction: 'response', area: 'schema', kind: 'all-of-member', action: 'removed' },
  on: 'schema.all-of.member-removed',
  when: (c) => c.direction === 'response',
  message: (c) => `response allOf member ${c.member}, with the alternatives it brings, was removed at ${c.pointer}`,
  why: 'Responses no longer have to match one of the alternatives the member lists, so clients may receive values they were never promised.',
});
