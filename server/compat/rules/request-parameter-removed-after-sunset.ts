import { describeOperations } from '../describe-operations.js';
import { defineRule } from '../rule.js';

export const requestParameterRemovedAfterSunset = defineRule({
  id: 'request-parameter-removed-after-sunset',
  level: 'info',
  taxonomy: { direction: 'request', area: 'parameters', kind: 'parameter', action: 'removed-after-sunset' },
  on: 'parameter.removed',
  when: (c) => c.direction === 'request' && c.location !== 'path' && c.deprecated && c.sunsetPassed,
  message: (c) => `deprecated ${c.location} parameter "${c.name}" was removed from ${describeOperations(c.operations)} after its sunset on ${c.sunset}`,
  why: 'Clients had until the announced sunset to stop sending the parameter, so the removal keeps the promise made to them.',
});
