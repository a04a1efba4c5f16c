import { describeOperations } from '../describe-operations.js';
import { defineRule } from '../rule.js';

export const responseRequestBodyRemoved = defineRule({
  id: 'response-request-body-removed',
  level: 'error',
  taxonomy: { direction: 'response', area: 'request-body', kind: 'body', action: 'removed' },
  on: 'request-body.removed',
  when: (c) => c.direction === 'response',
  message: (c) => `${describeOperations(c.operations)} no longer sends a request body to receivers`,
  why: 'Receivers that parse the payload of the webhook or callback find nothing to read.',
});
