import { defineBoundRule } from '../define-bound-rule.js';

export const requestMinLengthIncreased = defineBoundRule({
  id: 'request-min-length-increased',
  level: 'error',
  direction: 'request',
  bound: 'min-length',
  action: 'increased',
  why: 'Values clients send that satisfied the old bound are now rejected.',
});
