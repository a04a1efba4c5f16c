import { defineRule } from '../rule.js';

export const serverAdded = defineRule({
  id: 'server-added',
  level: 'info',
  taxonomy: { direction: 'none', area: 'servers', kind: 'server', action: 'added' },
  on: 'server.added',
  message: (c) => `server ${c.server} was added`,
  why: 'Existing clients are unaffected; new ones may also connect to the additional server.',
});
