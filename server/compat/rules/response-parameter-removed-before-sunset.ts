import { describeOperations } from '../describe-operations.js';
import { defineRule } from '../rule.js';

export const responseParameterRemovedBeforeSunset = defineRule({
  id: 'response-parameter-removed-before-sunset',
  level: 'error',
  taxonomy: { direction: 'response', area: 'parameters', kind: 'parameter', action: 'removed-before-sunset' },
  on: 'parameter.removed',
  when: (c) => c.direction === 'response' && c.deprecated && !c.sunsetPassed,
  message: (c) =>
    `deprecated ${c.location} parameter "${c.name}" is no longer sent to receivers of ${describeOperations(c.operations)}, ${c.sunset === undefined ? 'without announcing a sunset' : `before its sunset on ${c.sunset}`}`,
  why: 'Receivers were told the parameter would be sent until the sunset, and those still reading it no longer find it.',
});
