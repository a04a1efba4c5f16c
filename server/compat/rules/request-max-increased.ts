import { defineBoundRule } from '../define-bound-rule.js';

export const requestMaxIncreased = defineBoundRule({
  id: 'request-max-increased',
  level: 'info',
  direction: 'request',
  bound: 'max',
  action: 'increased',
  why: 'Every value clients sent before is still accepted.',
});
