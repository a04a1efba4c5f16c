import { defineRule } from '../rule.js';

export const serverHostChanged = defineRule({
  id: 'server-host-changed',
  level: 'error',
  taxonomy: { direction: 'none', area: 'servers', kind: 'host', action: 'changed' },
  on: 'server.host.changed',
  message: (c) => `server ${c.server} moved from ${c.from} to ${c.to}`,
  why: 'Clients configured with the old host keep connecting to a broker the application no longer uses.',
});
