import { defineBoundRule } from '../define-bound-rule.js';

export const responseMinItemsDecreased = defineBoundRule({
  id: 'response-min-items-decreased',
  level: 'warn',
  direction: 'response',
  bound: 'min-items',
  action: 'decreased',
  why: 'Clients that validate or size buffers by the old bound may fail on values beyond it.',
});
