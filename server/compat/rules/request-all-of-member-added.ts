import { defineRule } from '../rule.js';

export const requestAllOfMemberAdded = defineRule({
  id: 'request-all-of-member-added',
  level: 'error',
  taxonomy: { direction: 'request', area: 'schema', kind: 'all-of-member', action: 'added' },
  on: 'schema.all-of.member-added',
  when: (c) => c.direction === 'request',
  message: (c) => `request allOf member ${c.member}, with the alternatives it brings, was added at ${c.pointer}`,
  why: 'Requests must now also match one of the alternatives the member lists, so some that were valid are rejected.',
});
