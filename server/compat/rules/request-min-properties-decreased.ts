import { defineBoundRule } from '../define-bound-rule.js';

export const requestMinPropertiesDecreased = defineBoundRule({
  id: 'request-min-properties-decreased',
  level: 'info',
  direction: 'request',
  bound: 'min-properties',
  action: 'decreased',
  why: 'Every value clients sent before is still accepted.',
});
