import { describeOperations } from '../describe-operations.js';
import { defineRule } from '../rule.js';

export const requestMediaTypeAdded = defineRule({
  id: 'request-media-type-added',
  level: 'info',
  taxonomy: { direction: 'request', area: 'request-body', kind: 'media-type', action: 'added' },
  on: 'request-body.media-type.added',
  when: (c) => c.direction === 'request',
  message: (c) => `${describeOperations(c.operations)} now accepts request bodies of ${c.mediaType}`,
  why: 'Accepting another media type leaves existing clients untouched.',
});
