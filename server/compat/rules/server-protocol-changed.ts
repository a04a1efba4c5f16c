import { defineRule } from '../rule.js';

export const serverProtocolChanged = defineRule({
  id: 'server-protocol-changed',
  level: 'error',
  taxonomy: { direction: 'none', area: 'servers', kind: 'protocol', action: 'changed' },
  on: 'server.protocol.changed',
  message: (c) => `server ${c.server} changed protocol from ${c.from} to ${c.to}`,
  why: 'Clients speaking the old protocol can no longer connect to the server or exchange messages through it.',
});
