import { defineRule } from '../rule.js';

export const serverUrlAlternativeRemoved = defineRule({
  id: 'server-url-alternative-removed',
  level: 'warn',
  taxonomy: { direction: 'none', area: 'servers', kind: 'server-url', action: 'removed' },
  on: 'server-url.removed',
  when: (c) => c.othersRemain,
  message: (c) => `server ${c.url} was removed; other servers remain`,
  why: 'Clients configured with this server must move to one of the others.',
});
