import { defineRule } from '../rule.js';

export const serverUrlSchemeChanged = defineRule({
  id: 'server-url-scheme-changed',
  level: 'warn',
  taxonomy: { direction: 'none', area: 'servers', kind: 'server-scheme', action: 'changed' },
  on: 'server-url.scheme-changed',
  message: (c) => `server ${c.url} moved from ${c.from} to ${c.to}`,
  why: 'Clients calling with the old scheme may be redirected or refused, and may not follow or trust a redirect.',
});
