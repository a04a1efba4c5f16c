import { defineBoundRule } from '../define-bound-rule.js';

export const requestMinLengthDecreased = defineBoundRule({
  id: 'request-min-length-decreased',
  level: 'info',
  direction: 'request',
  bound: 'min-length',
  action: 'decreased',
  why: 'Every value clients sent before is still accepted.',
});
