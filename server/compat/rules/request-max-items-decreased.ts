import { defineBoundRule } from '../define-bound-rule.js';

export const requestMaxItemsDecreased = defineBoundRule({
  id: 'request-max-items-decreased',
  level: 'error',
  direction: 'request',
  bound: 'max-items',
  action: 'decreased',
  why: 'Values clients send that satisfied the old bound are now rejected.',
});
