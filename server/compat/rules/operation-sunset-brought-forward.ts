import { defineRule } from '../rule.js';

export const operationSunsetBroughtForward = defineRule({
  id: 'operation-sunset-brought-forward',
  level: 'warn',
  taxonomy: { direction: 'none', area: 'operations', kind: 'sunset', action: 'brought-forward' },
  on: 'operation.sunset-changed',
  when: (c) => c.moved === 'earlier',
  message: (c) => `the sunset of ${c.operation} moved from ${c.from ?? 'none'} to ${c.to}`,
  why: 'Clients that planned their migration around the announced sunset now have less time than they were promised.',
});
