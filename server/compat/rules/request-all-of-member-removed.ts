import { defineRule } from '../rule.js';

export const requestAllOfMemberRemoved = defineRule({
  id: 'request-all-of-member-removed',
  level: 'info',
  taxonomy: { direction: 'request', area: 'schema', kind: 'all-of-member', action: 'removed' },
  on: 'schema.all-of.member-removed',
  when: (c) => c.direction === 'request',
  message: (c) => `request allOf member ${c.member}, with the alternatives it brings, was removed at ${c.pointer}`,
  why: 'Requests no longer have to match one of the alternatives the member lists, so every request valid before still is.',
});
