import { defineBoundRule } from '../define-bound-rule.js';

export const responseMinPropertiesDecreased = defineBoundRule({
  id: 'response-min-properties-decreased',
  level: 'warn',
  direction: 'response',
  bound: 'min-properties',
  action: 'decreased',
  why: 'Clients that validate or size buffers by the old bound may fail on values beyond it.',
});
