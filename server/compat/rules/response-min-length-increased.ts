import { defineBoundRule } from '../define-bound-rule.js';

export const responseMinLengthIncreased = defineBoundRule({
  id: 'response-min-length-increased',
  level: 'info',
  direction: 'response',
  bound: 'min-length',
  action: 'increased',
  why: 'Clients receive a subset of the values they already handle.',
});
