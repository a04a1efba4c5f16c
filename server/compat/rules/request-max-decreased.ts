import { defineBoundRule } from '../define-bound-rule.js';

export const requestMaxDecreased = defineBoundRule({
  id: 'request-max-decreased',
  level: 'error',
  direction: 'request',
  bound: 'max',
  action: 'decreased',
  why: 'Values clients send that satisfied the old bound are now rejected.',
});
