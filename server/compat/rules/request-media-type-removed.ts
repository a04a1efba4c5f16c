import { describeOperations } from '../describe-operations.js';
import { defineRule } from '../rule.js';

export const requestMediaTypeRemoved = defineRule({
  id: 'request-media-type-removed',
  level: 'error',
  taxonomy: { direction: 'request', area: 'request-body', kind: 'media-type', action: 'removed' },
  on: 'request-body.media-type.removed',
  when: (c) => c.direction === 'request',
  message: (c) => `${describeOperations(c.operations)} no longer accepts request bodies of ${c.mediaType}`,
  why: 'Clients sending that media type now get 415 Unsupported Media Type.',
});
