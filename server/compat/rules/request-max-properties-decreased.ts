import { defineBoundRule } from '../define-bound-rule.js';

export const requestMaxPropertiesDecreased = defineBoundRule({
  id: 'request-max-properties-decreased',
  level: 'error',
  direction: 'request',
  bound: 'max-properties',
  action: 'decreased',
  why: 'Values clients send that satisfied the old bound are now rejected.',
});
