import { defineRule } from '../rule.js';

export const operationSunsetBroughtForward = defineRule({
  id: 'operation-sunset-brought-forward',
  level: 'warn',
  taxonomy: { direction: 'none', area: 'operations', kind: 'sunset', action: 'brought-forward' },
  on: 'operation.sunset-changed',
  // A first sunset only counts when it leaves less notice than the deprecation policy asks.
  when: (c) => c.moved === 'earlier' || (c.moved === 'set' && c.noticeDays !== undefined && c.minimumNoticeDays !== undefined && c.noticeDays < c.minimumNoticeDays),
  message: (c) =>
    c.moved === 'set'
      ? `${c.operation} got a sunset on ${c.to}, ${c.noticeDays} days ahead where ${c.minimumNoticeDays} are required`
      : `the sunset of ${c.operation} moved from ${c.from} to ${c.to}`,
  why: 'Clients that planned their migration around the announced sunset now have less time than they were promised.',
});
