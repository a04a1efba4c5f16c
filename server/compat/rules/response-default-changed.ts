import { describeValues } from '../describe-values.js';
import { defineRule } from '../rule.js';

export const responseDefaultChanged = defineRule({
  id: 'response-default-changed',
  level: 'warn',
  taxonomy: { direction: 'response', area: 'schema', kind: 'default', action: 'changed' },
  on: 'schema.default.changed',
  when: (c) => c.direction === 'response',
  message: (c) => `response default changed from ${c.from === undefined ? 'none' : describeValues([c.from])} to ${c.to === undefined ? 'none' : describeValues([c.to])} at ${c.pointer}`,
  why: 'Clients that fill in an absent value with the documented default now assume the wrong one.',
});
