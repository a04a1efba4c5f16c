import { defineRule } from '../rule.js';

export const securityScopeAdded = defineRule({
  id: 'security-scope-added',
  level: 'error',
  taxonomy: { direction: 'none', area: 'security', kind: 'scope', action: 'added' },
  on: 'security-scope.added',
  message: (c) => `${c.operation} now requires scope ${c.scopes.join(', ')} of ${c.scheme}`,
  why: 'Tokens issued to existing callers lack the new scope, so their calls are refused with 403 until they are granted it.',
});
