import { describeOperations } from '../describe-operations.js';
import { defineRule } from '../rule.js';

export const requestParameterSunsetTooSoon = defineRule({
  id: 'request-parameter-sunset-too-soon',
  level: 'warn',
  taxonomy: { direction: 'request', area: 'parameters', kind: 'sunset', action: 'too-soon' },
  on: 'parameter.deprecated',
  when: (c) => c.direction === 'request' && c.noticeDays !== undefined && c.minimumNoticeDays !== undefined && c.noticeDays < c.minimumNoticeDays,
  message: (c) => `${c.location} parameter "${c.name}" of ${describeOperations(c.operations)} was deprecated with a sunset on ${c.sunset}, ${c.noticeDays} days ahead where ${c.minimumNoticeDays} are required`,
  why: 'Clients get less time to stop sending the parameter than the deprecation policy promises them.',
});
