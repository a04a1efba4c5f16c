import { defineRule } from '../rule.js';

export const securitySchemeApiKeyMoved = defineRule({
  id: 'security-scheme-api-key-moved',
  level: 'error',
  taxonomy: { direction: 'none', area: 'security', kind: 'api-key', action: 'moved' },
  on: 'security-scheme.api-key-moved',
  when: (c) => c.operations.length > 0,
  message: (c) => `API key ${c.scheme} moved from ${c.from} to ${c.to}`,
  why: 'Callers keep sending the key where it used to go, so the API no longer finds it and refuses them.',
});
