import { describeOperations } from '../describe-operations.js';
import { defineRule } from '../rule.js';

export const requestParameterSunsetBroughtForward = defineRule({
  id: 'request-parameter-sunset-brought-forward',
  level: 'warn',
  taxonomy: { direction: 'request', area: 'parameters', kind: 'sunset', action: 'brought-forward' },
  on: 'parameter.sunset-changed',
  // As for operations, a first sunset only counts when it leaves less notice than the policy asks.
  when: (c) => c.direction === 'request' && (c.moved === 'earlier' || (c.moved === 'set' && c.noticeDays !== undefined && c.minimumNoticeDays !== undefined && c.noticeDays < c.minimumNoticeDays)),
  message: (c) =>
    c.moved === 'set'
      ? `${c.location} parameter "${c.name}" of ${describeOperations(c.operations)} got a sunset on ${c.to}, ${c.noticeDays} days ahead where ${c.minimumNoticeDays} are required`
      : `the sunset of ${c.location} parameter "${c.name}" of ${describeOperations(c.operations)} moved from ${c.from} to ${c.to}`,
  why: 'Clients that planned to stop sending the parameter by the announced sunset now have less time than they were promised.',
});
