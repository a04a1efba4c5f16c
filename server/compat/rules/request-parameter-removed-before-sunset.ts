import { describeOperations } from '../describe-operations.js';
import { defineRule } from '../rule.js';

export const requestParameterRemovedBeforeSunset = defineRule({
  id: 'request-parameter-removed-before-sunset',
  level: 'error',
  taxonomy: { direction: 'request', area: 'parameters', kind: 'parameter', action: 'removed-before-sunset' },
  on: 'parameter.removed',
  when: (c) => c.direction === 'request' && c.location !== 'path' && c.deprecated && !c.sunsetPassed,
  message: (c) =>
    `deprecated ${c.location} parameter "${c.name}" was removed from ${describeOperations(c.operations)} ${c.sunset === undefined ? 'without announcing a sunset' : `before its sunset on ${c.sunset}`}`,
  why: 'Clients were told they had until the sunset to stop sending the parameter, and those still sending it now have it ignored or rejected.',
});
