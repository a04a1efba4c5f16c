import { defineBoundRule } from '../define-bound-rule.js';

export const responseMaxItemsDecreased = defineBoundRule({
  id: 'response-max-items-decreased',
  level: 'info',
  direction: 'response',
  bound: 'max-items',
  action: 'decreased',
  why: 'Clients receive a subset of the values they already handle.',
});
