import { describeOperations } from '../describe-operations.js';
import { defineRule } from '../rule.js';

export const responseParameterRemovedAfterSunset = defineRule({
  id: 'response-parameter-removed-after-sunset',
  level: 'info',
  taxonomy: { direction: 'response', area: 'parameters', kind: 'parameter', action: 'removed-after-sunset' },
  on: 'parameter.removed',
  when: (c) => c.direction === 'response' && c.deprecated && c.sunsetPassed,
  message: (c) => `deprecated ${c.location} parameter "${c.name}" is no longer sent to receivers of ${describeOperations(c.operations)}, after its sunset on ${c.sunset}`,
  why: 'Receivers had until the announced sunset to stop reading the parameter, so the removal keeps the promise made to them.',
});
