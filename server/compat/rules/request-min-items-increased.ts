import { defineBoundRule } from '../define-bound-rule.js';

export const requestMinItemsIncreased = defineBoundRule({
  id: 'request-min-items-increased',
  level: 'error',
  direction: 'request',
  bound: 'min-items',
  action: 'increased',
  why: 'Values clients send that satisfied the old bound are now rejected.',
});
