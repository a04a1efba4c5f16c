import { defineRule } from '../rule.js';

export const securitySchemeTypeChanged = defineRule({
  id: 'security-scheme-type-changed',
  level: 'error',
  taxonomy: { direction: 'none', area: 'security', kind: 'scheme-type', action: 'changed' },
  on: 'security-scheme.type-changed',
  when: (c) => c.operations.length > 0,
  message: (c) => `security scheme ${c.scheme} changed from ${c.from} to ${c.to}`,
  why: 'Callers present credentials of the old kind, which the operations using the scheme now refuse.',
});
