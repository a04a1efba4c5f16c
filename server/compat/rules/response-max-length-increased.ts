import { defineBoundRule } from '../define-bound-rule.js';

export const responseMaxLengthIncreased = defineBoundRule({
  id: 'response-max-length-increased',
  level: 'warn',
  direction: 'response',
  bound: 'max-length',
  action: 'increased',
  why: 'Clients that validate or size buffers by the old bound may fail on values beyond it.',
});
