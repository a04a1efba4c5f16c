import { defineRule } from '../rule.js';

export const requestParameterRemoved = defineRule({
  id: 'request-parameter-removed',
  level: 'warn',
  taxonomy: { direction: 'request', area: 'parameters', kind: 'parameter', action: 'removed' },
  on: 'parameter.removed',
  when: (c) => c.direction === 'request',
  message: (c) => `${c.location} parameter "${c.name}" was removed from ${c.operation}`,
  why: 'Clients still sending the parameter may see it ignored, changing behaviour silently, or rejected.',
});
