import { defineBoundRule } from '../define-bound-rule.js';

export const responseMaxItemsIncreased = defineBoundRule({
  id: 'response-max-items-increased',
  level: 'warn',
  direction: 'response',
  bound: 'max-items',
  action: 'increased',
  why: 'Clients that validate or size buffers by the old bound may fail on values beyond it.',
});
