import { describeOperations } from '../describe-operations.js';
import { defineRule } from '../rule.js';

export const responseParameterSunsetBroughtForward = defineRule({
  id: 'response-parameter-sunset-brought-forward',
  level: 'warn',
  taxonomy: { direction: 'response', area: 'parameters', kind: 'sunset', action: 'brought-forward' },
  on: 'parameter.sunset-changed',
  when: (c) => c.direction === 'response' && (c.moved === 'earlier' || (c.moved === 'set' && c.noticeDays !== undefined && c.minimumNoticeDays !== undefined && c.noticeDays < c.minimumNoticeDays)),
  message: (c) =>
    c.moved === 'set'
      ? `${c.location} parameter "${c.name}" sent to receivers of ${describeOperations(c.operations)} got a sunset on ${c.to}, ${c.noticeDays} days ahead where ${c.minimumNoticeDays} are required`
      : `the sunset of ${c.location} parameter "${c.name}" sent to receivers of ${describeOperations(c.operations)} moved from ${c.from} to ${c.to}`,
  why: 'Receivers that planned to stop reading the parameter by the announced sunset now have less time than they were promised.',
});
