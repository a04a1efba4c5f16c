import { defineBoundRule } from '../define-bound-rule.js';

export const responseMaxLengthDecreased = defineBoundRule({
  id: 'response-max-length-decreased',
  level: 'info',
  direction: 'response',
  bound: 'max-length',
  action: 'decreased',
  why: 'Clients receive a subset of the values they already handle.',
});
