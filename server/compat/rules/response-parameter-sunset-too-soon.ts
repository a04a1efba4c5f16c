import { describeOperations } from '../describe-operations.js';
import { defineRule } from '../rule.js';

export const responseParameterSunsetTooSoon = defineRule({
  id: 'response-parameter-sunset-too-soon',
  level: 'warn',
  taxonomy: { direction: 'response', area: 'parameters', kind: 'sunset', action: 'too-soon' },
  on: 'parameter.deprecated',
  when: (c) => c.direction === 'response' && c.noticeDays !== undefined && c.minimumNoticeDays !== undefined && c.noticeDays < c.minimumNoticeDays,
  message: (c) =>
    `${c.location} parameter "${c.name}" sent to receivers of ${describeOperations(c.operations)} was deprecated with a sunset on ${c.sunset}, ${c.noticeDays} days ahead where ${c.minimumNoticeDays} are required`,
  why: 'Receivers get less time to stop relying on the parameter than the deprecation policy promises them.',
});
