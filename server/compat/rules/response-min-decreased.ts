import { defineBoundRule } from '../define-bound-rule.js';

export const responseMinDecreased = defineBoundRule({
  id: 'response-min-decreased',
  level: 'warn',
  direction: 'response',
  bound: 'min',
  action: 'decreased',
  why: 'Clients that validate or size buffers by the old bound may fail on values beyond it.',
});
