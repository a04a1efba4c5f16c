import { describeOperations } from '../describe-operations.js';
import { isSuccessStatus } from '../is-success-status.js';
import { defineRule } from '../rule.js';

export const responseErrorStatusRemoved = defineRule({
  id: 'response-error-status-removed',
  level: 'info',
  taxonomy: { direction: 'response', area: 'responses', kind: 'error-status', action: 'removed' },
  on: 'response.removed',
  when: (c) => c.direction === 'response' && !isSuccessStatus(c.status),
  message: (c) => `${describeOperations(c.operations)} no longer documents the ${c.status} response`,
  why: 'Clients keep their error handling; the error is just no longer promised.',
});
