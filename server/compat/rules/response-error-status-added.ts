import { describeOperations } from '../describe-operations.js';
import { isSuccessStatus } from '../is-success-status.js';
import { defineRule } from '../rule.js';

export const responseErrorStatusAdded = defineRule({
  id: 'response-error-status-added',
  level: 'info',
  taxonomy: { direction: 'response', area: 'responses', kind: 'error-status', action: 'added' },
  on: 'response.added',
  when: (c) => c.direction === 'response' && !isSuccessStatus(c.status),
  message: (c) => `${describeOperations(c.operations)} now documents a ${c.status} response`,
  why: 'Clients already have to handle unexpected errors; the new one is only documented.',
});
