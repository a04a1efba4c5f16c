import { defineBoundRule } from '../define-bound-rule.js';

export const requestMaxLengthDecreased = defineBoundRule({
  id: 'request-max-length-decreased',
  level: 'error',
  direction: 'request',
  bound: 'max-length',
  action: 'decreased',
  why: 'Values clients send that satisfied the old bound are now rejected.',
});
