import { defineRule } from '../rule.js';

export const responsePatternPropertiesChanged = defineRule({
  id: 'response-pattern-properties-changed',
  level: 'warn',
  taxonomy: { direction: 'response', area: 'schema', kind: 'pattern-properties', action: 'changed' },
  on: 'schema.pattern-properties.changed',
  when: (c) => c.direction === 'response',
  message: (c) => `response patternProperties changed (added: ${c.added.join(', ') || 'none'}; removed: ${c.removed.join(', ') || 'none'}) at ${c.pointer}`,
  why: 'Clients reading properties whose names match a changed pattern may receive values shaped differently than before.',
});
