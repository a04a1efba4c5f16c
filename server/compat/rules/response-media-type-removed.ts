import { describeOperations } from '../describe-operations.js';
import { defineRule } from '../rule.js';

export const responseMediaTypeRemoved = defineRule({
  id: 'response-media-type-removed',
  level: 'error',
  taxonomy: { direction: 'response', area: 'responses', kind: 'media-type', action: 'removed' },
  on: 'response.media-type.removed',
  when: (c) => c.direction === 'response',
  message: (c) => `the ${c.status} response of ${describeOperations(c.operations)} no longer offers ${c.mediaType}`,
  why: 'Clients that ask for or parse that media type no longer receive it.',
});
