import { defineRule } from '../rule.js';

export const channelRemoved = defineRule({
  id: 'channel-removed',
  level: 'error',
  taxonomy: { direction: 'none', area: 'channels', kind: 'channel', action: 'removed' },
  on: 'channel.removed',
  when: (c) => !c.deprecated,
  message: (c) => `channel ${c.channel} was removed with ${c.operations.join(', ')}`,
  why: 'Clients subscribed to the channel stop receiving messages, and messages clients publish there are no longer consumed.',
});
