import { defineBoundRule } from '../define-bound-rule.js';

export const requestMinIncreased = defineBoundRule({
  id: 'request-min-increased',
  level: 'error',
  direction: 'request',
  bound: 'min',
  action: 'increased',
  why: 'Values clients send that satisfied the old bound are now rejected.',
});
