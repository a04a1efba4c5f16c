import { defineRule } from '../rule.js';

export const securityScopeRemoved = defineRule({
  id: 'security-scope-removed',
  level: 'info',
  taxonomy: { direction: 'none', area: 'security', kind: 'scope', action: 'removed' },
  on: 'security-scope.removed',
  message: (c) => `${c.operation} no longer requires scope ${c.scopes.join(', ')} of ${c.scheme}`,
  why: 'Tokens carrying the scope keep working; callers simply need less.',
});
