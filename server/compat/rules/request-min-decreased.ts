import { defineBoundRule } from '../define-bound-rule.js';

export const requestMinDecreased = defineBoundRule({
  id: 'request-min-decreased',
  level: 'info',
  direction: 'request',
  bound: 'min',
  action: 'decreased',
  why: 'Every value clients sent before is still accepted.',
});
