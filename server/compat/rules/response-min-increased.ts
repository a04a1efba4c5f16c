import { defineBoundRule } from '../define-bound-rule.js';

export const responseMinIncreased = defineBoundRule({
  id: 'response-min-increased',
  level: 'info',
  direction: 'response',
  bound: 'min',
  action: 'increased',
  why: 'Clients receive a subset of the values they already handle.',
});
