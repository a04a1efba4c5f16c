import { defineRule } from '../rule.js';

export const securitySchemeFlowAdded = defineRule({
  id: 'security-scheme-flow-added',
  level: 'info',
  taxonomy: { direction: 'none', area: 'security', kind: 'flow', action: 'added' },
  on: 'security-scheme.flow-added',
  message: (c) => `OAuth2 scheme ${c.scheme} now offers the ${c.flow} flow`,
  why: 'A new way to obtain tokens leaves the existing flows working.',
});
