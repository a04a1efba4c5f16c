import { defineBoundRule } from '../define-bound-rule.js';

export const responseMaxPropertiesIncreased = defineBoundRule({
  id: 'response-max-properties-increased',
  level: 'warn',
  direction: 'response',
  bound: 'max-properties',
  action: 'increased',
  why: 'Clients that validate or size buffers by the old bound may fail on values beyond it.',
});
