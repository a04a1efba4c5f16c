import { defineBoundRule } from '../define-bound-rule.js';

export const requestMinPropertiesIncreased = defineBoundRule({
  id: 'request-min-properties-increased',
  level: 'error',
  direction: 'request',
  bound: 'min-properties',
  action: 'increased',
  why: 'Values clients send that satisfied the old bound are now rejected.',
});
