import { describeOperations } from '../describe-operations.js';
import { isSuccessStatus } from '../is-success-status.js';
import { defineRule } from '../rule.js';

export const responseStatusAdded = defineRule({
  id: 'response-status-added',
  level: 'info',
  taxonomy: { direction: 'response', area: 'responses', kind: 'status', action: 'added' },
  on: 'response.added',
  when: (c) => c.direction === 'response' && isSuccessStatus(c.status),
  message: (c) => `${describeOperations(c.operations)} now documents a ${c.status} response`,
  why: 'A new successful response is usually handled by clients that check the status class; check those that match exact codes.',
});
