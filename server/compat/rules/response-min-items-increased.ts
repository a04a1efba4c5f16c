import { defineBoundRule } from '../define-bound-rule.js';

export const responseMinItemsIncreased = defineBoundRule({
  id: 'response-min-items-increased',
  level: 'info',
  direction: 'response',
  bound: 'min-items',
  action: 'increased',
  why: 'Clients receive a subset of the values they already handle.',
});
