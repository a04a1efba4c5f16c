import { describeOperations } from '../describe-operations.js';
import { isSuccessStatus } from '../is-success-status.js';
import { defineRule } from '../rule.js';

export const responseStatusRemoved = defineRule({
  id: 'response-status-removed',
  level: 'error',
  taxonomy: { direction: 'response', area: 'responses', kind: 'status', action: 'removed' },
  on: 'response.removed',
  when: (c) => c.direction === 'response' && isSuccessStatus(c.status),
  message: (c) => `${describeOperations(c.operations)} no longer documents the ${c.status} response`,
  why: 'Clients built to handle that successful response get something else instead.',
});
