import { defineRule } from '../rule.js';

export const responseAllOfMemberAdded = defineRule({
  id: 'response-all-of-member-added',
  level: 'info',
  taxonomy: { direction: 'response', area: 'schema', kind: 'all-of-member', action: 'added' },
  on: 'schema.all-of.member-added',
  when: (c) => c.direction === 'response',
  message: (c) => `response allOf member ${c.member}, with the alternatives it brings, was added at ${c.pointer}`,
  why: 'Responses must now also match one of the alternatives the member lists, a subset of what clients already handle.',
});
