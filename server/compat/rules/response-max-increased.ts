import { defineBoundRule } from '../define-bound-rule.js';

export const responseMaxIncreased = defineBoundRule({
  id: 'response-max-increased',
  level: 'warn',
  direction: 'response',
  bound: 'max',
  action: 'increased',
  why: 'Clients that validate or size buffers by the old bound may fail on values beyond it.',
});
