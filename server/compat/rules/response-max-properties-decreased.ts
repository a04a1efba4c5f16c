import { defineBoundRule } from '../define-bound-rule.js';

export const responseMaxPropertiesDecreased = defineBoundRule({
  id: 'response-max-properties-decreased',
  level: 'info',
  direction: 'response',
  bound: 'max-properties',
  action: 'decreased',
  why: 'Clients receive a subset of the values they already handle.',
});
