import { describeOperations } from '../describe-operations.js';
import { defineRule } from '../rule.js';

export const requestParameterRemoved = defineRule({
  id: 'request-parameter-removed',
  level: 'error',
  taxonomy: { direction: 'request', area: 'parameters', kind: 'parameter', action: 'removed' },
  on: 'parameter.removed',
  // A path parameter cannot go while its path stays: paths are matched by their templates. A
  // deprecated one is judged against its sunset instead.
  when: (c) => c.direction === 'request' && c.location !== 'path' && !c.deprecated,
  message: (c) => `${c.location} parameter "${c.name}" was removed from ${describeOperations(c.operations)}`,
  why: 'Clients still send the parameter, and the server now ignores it, silently changing what they get, or rejects the request.',
});
