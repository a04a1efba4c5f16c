import { defineRule } from '../rule.js';

export const requestPatternPropertiesChanged = defineRule({
  id: 'request-pattern-properties-changed',
  level: 'warn',
  taxonomy: { direction: 'request', area: 'schema', kind: 'pattern-properties', action: 'changed' },
  on: 'schema.pattern-properties.changed',
  when: (c) => c.direction === 'request',
  message: (c) => `request patternProperties changed (added: ${c.added.join(', ') || 'none'}; removed: ${c.removed.join(', ') || 'none'}) at ${c.pointer}`,
  why: 'Clients sending properties whose names match a changed pattern may now be validated differently and rejected.',
});
