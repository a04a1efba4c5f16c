import { defineRule } from '../rule.js';

export const serverProtocolVersionChanged = defineRule({
  id: 'server-protocol-version-changed',
  level: 'warn',
  taxonomy: { direction: 'none', area: 'servers', kind: 'protocol-version', action: 'changed' },
  on: 'server.protocol-version.changed',
  message: (c) => `server ${c.server} changed protocol version from ${c.from} to ${c.to}`,
  why: 'Client libraries built for the old protocol version may fail to connect or miss features the server now relies on.',
});
