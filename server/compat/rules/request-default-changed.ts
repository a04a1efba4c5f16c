import { describeValues } from '../describe-values.js';
import { defineRule } from '../rule.js';

export const requestDefaultChanged = defineRule({
  id: 'request-default-changed',
  level: 'error',
  taxonomy: { direction: 'request', area: 'schema', kind: 'default', action: 'changed' },
  on: 'schema.default.changed',
  when: (c) => c.direction === 'request',
  message: (c) => `request default changed from ${c.from === undefined ? 'none' : describeValues([c.from])} to ${c.to === undefined ? 'none' : describeValues([c.to])} at ${c.pointer}`,
  why: 'Clients that omit the value now get different behaviour without changing anything.',
});
