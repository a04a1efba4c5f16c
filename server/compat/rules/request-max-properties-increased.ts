import { defineBoundRule } from '../define-bound-rule.js';

export const requestMaxPropertiesIncreased = defineBoundRule({
  id: 'request-max-properties-increased',
  level: 'info',
  direction: 'request',
  bound: 'max-properties',
  action: 'increased',
  why: 'Every value clients sent before is still accepted.',
});
