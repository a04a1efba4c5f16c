import { defineRule } from '../rule.js';

export const securitySchemeFlowRemoved = defineRule({
  id: 'security-scheme-flow-removed',
  level: 'error',
  taxonomy: { direction: 'none', area: 'security', kind: 'flow', action: 'removed' },
  on: 'security-scheme.flow-removed',
  when: (c) => c.operations.length > 0,
  message: (c) => `OAuth2 scheme ${c.scheme} no longer offers the ${c.flow} flow`,
  why: 'Callers that obtain tokens through that flow can no longer get any.',
});
