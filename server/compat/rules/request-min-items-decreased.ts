import { defineBoundRule } from '../define-bound-rule.js';

export const requestMinItemsDecreased = defineBoundRule({
  id: 'request-min-items-decreased',
  level: 'info',
  direction: 'request',
  bound: 'min-items',
  action: 'decreased',
  why: 'Every value clients sent before is still accepted.',
});
