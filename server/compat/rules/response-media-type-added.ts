import { describeOperations } from '../describe-operations.js';
import { defineRule } from '../rule.js';

export const responseMediaTypeAdded = defineRule({
  id: 'response-media-type-added',
  level: 'info',
  taxonomy: { direction: 'response', area: 'responses', kind: 'media-type', action: 'added' },
  on: 'response.media-type.added',
  when: (c) => c.direction === 'response',
  message: (c) => `the ${c.status} response of ${describeOperations(c.operations)} now offers ${c.mediaType}`,
  why: 'Clients negotiate the media types they know and keep receiving them.',
});
