import { defineBoundRule } from '../define-bound-rule.js';

export const responseMaxDecreased = defineBoundRule({
  id: 'response-max-decreased',
  level: 'info',
  direction: 'response',
  bound: 'max',
  action: 'decreased',
  why: 'Clients receive a subset of the values they already handle.',
});
