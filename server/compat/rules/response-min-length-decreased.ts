import { defineBoundRule } from '../define-bound-rule.js';

export const responseMinLengthDecreased = defineBoundRule({
  id: 'response-min-length-decreased',
  level: 'warn',
  direction: 'response',
  bound: 'min-length',
  action: 'decreased',
  why: 'Clients that validate or size buffers by the old bound may fail on values beyond it.',
});
