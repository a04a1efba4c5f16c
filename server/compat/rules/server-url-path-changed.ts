import { defineRule } from '../rule.js';

export const serverUrlPathChanged = defineRule({
  id: 'server-url-path-changed',
  level: 'error',
  taxonomy: { direction: 'none', area: 'servers', kind: 'server-path', action: 'changed' },
  on: 'server-url.path-changed',
  message: (c) => `the path prefix of server ${c.url} changed from ${c.from} to ${c.to}`,
  why: 'Every call of the affected operations goes to a URL that no longer answers.',
});
