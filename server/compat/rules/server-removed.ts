import { defineRule } from '../rule.js';

export const serverRemoved = defineRule({
  id: 'server-removed',
  level: 'error',
  taxonomy: { direction: 'none', area: 'servers', kind: 'server', action: 'removed' },
  on: 'server.removed',
  message: (c) => `server ${c.server} was removed`,
  why: 'Clients configured to connect to that server can no longer reach the application there.',
});
