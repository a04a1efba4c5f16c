import { defineBoundRule } from '../define-bound-rule.js';

export const responseMinPropertiesIncreased = defineBoundRule({
  id: 'response-min-properties-increased',
  level: 'info',
  direction: 'response',
  bound: 'min-properties',
  action: 'increased',
  why: 'Clients receive a subset of the values they already handle.',
});
