import { defineRule } from '../rule.js';

export const securitySchemeUrlChanged = defineRule({
  id: 'security-scheme-url-changed',
  level: 'error',
  taxonomy: { direction: 'none', area: 'security', kind: 'flow-url', action: 'changed' },
  on: 'security-scheme.url-changed',
  when: (c) => c.operations.length > 0,
  message: (c) => `the ${c.url} of ${c.scheme} (${c.flow}) changed from ${c.from} to ${c.to}`,
  why: 'Callers configured with the old URL fetch tokens or authorisations where they are no longer issued.',
});
