import { defineBoundRule } from '../define-bound-rule.js';

export const requestMaxItemsIncreased = defineBoundRule({
  id: 'request-max-items-increased',
  level: 'info',
  direction: 'request',
  bound: 'max-items',
  action: 'increased',
  why: 'Every value clients sent before is still accepted.',
});
