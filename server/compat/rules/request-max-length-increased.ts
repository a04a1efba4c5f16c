import { defineBoundRule } from '../define-bound-rule.js';

export const requestMaxLengthIncreased = defineBoundRule({
  id: 'request-max-length-increased',
  level: 'info',
  direction: 'request',
  bound: 'max-length',
  action: 'increased',
  why: 'Every value clients sent before is still accepted.',
});
