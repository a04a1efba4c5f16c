import { defineRule } from '../rule.js';

export const operationSunsetTooSoon = defineRule({
  id: 'operation-sunset-too-soon',
  level: 'warn',
  taxonomy: { direction: 'none', area: 'operations', kind: 'sunset', action: 'too-soon' },
  on: 'operation.deprecated',
  when: (c) => c.noticeDays !== undefined && c.minimumNoticeDays !== undefined && c.noticeDays < c.minimumNoticeDays,
  message: (c) => `${c.operation} was deprecated with a sunset on ${c.sunset}, ${c.noticeDays} days ahead where ${c.minimumNoticeDays} are required`,
  why: 'Clients get less time to migrate off the operation than the deprecation policy promises them.',
});
