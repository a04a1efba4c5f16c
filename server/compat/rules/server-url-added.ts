import { defineRule } from '../rule.js';

export const serverUrlAdded = defineRule({
  id: 'server-url-added',
  level: 'info',
  taxonomy: { direction: 'none', area: 'servers', kind: 'server-url', action: 'added' },
  on: 'server-url.added',
  message: (c) => `server ${c.url} was added`,
  why: 'Clients keep calling the servers they know; the new one is one more place the API answers.',
});
