import { defineRule } from '../rule.js';

export const channelAddressChanged = defineRule({
  id: 'channel-address-changed',
  level: 'error',
  taxonomy: { direction: 'none', area: 'channels', kind: 'address', action: 'changed' },
  on: 'channel.address.changed',
  message: (c) => `channel address changed from ${c.from} to ${c.to}`,
  why: 'Clients still using the old address publish where nobody listens and subscribe where nothing arrives.',
});
